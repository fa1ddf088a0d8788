import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

/** One page of a longer list, as the server returns it. */
export interface Page<T> {
  items: T[];
  total: number;
  /** Where the next page starts, when the server says so (null: no more); else after the items shown. */
  nextOffset?: number | null;
}

/** A list loaded page by page: what is loaded so far, the total, and "load more". */
export interface PagedState<T> {
  items: T[];
  total: number;
  loading: boolean;
  error: unknown;
  /** Whether there is a page after those loaded. */
  hasMore: boolean;
  /** Loads the next page. */
  loadMore(): void;
  /** Starts again from the first page. */
  reload(): void;
}

/**
 * Loads `fetchPage(0)` when the dependencies change and appends later pages on `loadMore`; an
 * answer that arrives after a newer request (another folder, another filter) is ignored.
 */
export function usePaged<T>(fetchPage: (offset: number) => Promise<Page<T>>, deps: DependencyList): PagedState<T> {
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [next, setNext] = useState<number | null | undefined>(undefined);
  const generation = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const load = useCallback((offset: number) => {
    const mine = offset === 0 ? ++generation.current : generation.current;
    setLoading(true);
    setError(null);
    fetchRef.current(offset).then(
      (page) => {
        if (mine !== generation.current) return;
        setItems((shown) => (offset === 0 ? page.items : [...shown, ...page.items]));
        setTotal(page.total);
        setNext(page.nextOffset);
        setLoading(false);
      },
      (e: unknown) => {
        if (mine !== generation.current) return;
        setError(e);
        setLoading(false);
      },
    );
  }, []);

  useEffect(() => load(0), deps);

  const nextStart = next === undefined ? (items.length < total ? items.length : null) : next;
  return {
    items, total, loading, error,
    hasMore: nextStart !== null,
    loadMore: () => {
      if (nextStart !== null) load(nextStart);
    },
    reload: () => load(0),
  };
}
