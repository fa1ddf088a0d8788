import { useEffect, useState } from 'react';
import type { AudiencePreview } from '../../../shared/api';
import { previewAudience } from '../api';
import { useAsync, type AsyncState } from '../ui/useAsync';
import type { AudienceSpecInput } from './audienceSpec';
import { invalidExclusions, type InvalidExclusion } from './exclusions';

const DEBOUNCE_MS = 300;
// Each retry drops at least one refused entry; the server refuses them all at once, so one is the rule.
const MAX_RETRIES = 3;

/** The live count and why rows drop out, plus the typed exclusions the server refused. */
export interface AudienceCount {
  preview: AudiencePreview;
  invalid: InvalidExclusion[];
}

/** What the preview is asked for; `spec` null when the choices are incomplete (nothing is asked). */
export interface AudienceQuery {
  listId: string;
  emailColumn: string | null;
  spec: AudienceSpecInput | undefined | null;
}

/**
 * Counts the audience with `POST /api/audience/preview` as the user chooses, debounced. Entries of
 * the exclusions the server refuses are reported, and the count is taken without them so that it
 * stays live while the user corrects the text.
 */
export function useAudiencePreview(query: AudienceQuery): AsyncState<AudienceCount | undefined> {
  const key = JSON.stringify(query);
  const [debounced, setDebounced] = useState(key);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(key), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key]);
  return useAsync(() => countAudience(JSON.parse(debounced) as AudienceQuery), [debounced]);
}

async function countAudience(query: AudienceQuery): Promise<AudienceCount | undefined> {
  if (query.spec === null) return undefined;
  let spec = query.spec;
  const invalid: InvalidExclusion[] = [];
  for (let attempt = 0; ; attempt++) {
    try {
      const preview = await previewAudience({ listId: query.listId, emailColumn: query.emailColumn ?? undefined, audience: spec, limit: 0 });
      return { preview, invalid };
    } catch (error) {
      const sent = spec?.exclusions ?? [];
      const refused = invalidExclusions(error, sent);
      if (refused.length === 0 || attempt === MAX_RETRIES) throw error;
      invalid.push(...refused);
      const exclusions = sent.filter((entry) => !refused.some((r) => r.entry === entry));
      const { exclusions: _refused, ...rest } = spec!;
      spec = exclusions.length > 0 ? { ...rest, exclusions } : rest;
    }
  }
}
