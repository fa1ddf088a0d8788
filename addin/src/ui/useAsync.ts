import { useCallback, useEffect, useState, type DependencyList } from 'react';

/** State of an async load: its value once loaded, the error if it failed, and a reload. */
export interface AsyncState<T> {
  value: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/** Runs `load` when the dependencies change, ignoring answers that arrive after a newer request. */
export function useAsync<T>(load: () => Promise<T>, deps: DependencyList): AsyncState<T> {
  const [state, setState] = useState<{ value?: T; error: unknown; loading: boolean }>({ error: null, loading: true });
  const [tick, setTick] = useState(0);
  const run = useCallback(load, deps);
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    run().then(
      (value) => current && setState({ value, error: null, loading: false }),
      (error: unknown) => current && setState((s) => ({ ...s, error, loading: false })),
    );
    return () => {
      current = false;
    };
  }, [run, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { value: state.value, error: state.error, loading: state.loading, reload };
}
