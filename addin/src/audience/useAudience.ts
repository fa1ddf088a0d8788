import { useMemo } from 'react';
import type { AudiencePreview } from '../../../shared/api';
import type { FilterNode } from '../../../shared/audience/schema';
import { audienceSpecOf, type AudienceChoices } from './audienceSpec';
import { isCompanyChoiceValid } from './companies';
import { parseExclusions, type InvalidExclusion } from './exclusions';
import { filterOf } from './filterModel';
import { useAudiencePreview } from './useAudiencePreview';
import { userTimeZone } from '../options/repeat';
import type { EvaluationContext } from './useRowVerdicts';

/** The Recipients step's audience: the live preview and what the choices still lack. */
export interface AudienceState {
  /** The latest preview of the chosen list, if any. */
  preview: AudiencePreview | undefined;
  loading: boolean;
  error: unknown;
  reload: () => void;
  /** Typed exclusions the server refused and that are still typed. */
  invalid: InvalidExclusion[];
  /** False while a company list has no kind of address chosen. */
  companiesOk: boolean;
  /** The filter as sent, stable while it does not change. */
  filter: FilterNode | undefined;
  /** The server's evaluation context, for judging shown rows. */
  context: EvaluationContext | undefined;
}

/** Previews the audience of a mailing as it is chosen (see `useAudiencePreview`). */
export function useAudience(choices: AudienceChoices & { list: { id: string } | null }): AudienceState {
  const { list } = choices;
  const companiesOk = !list?.companies || isCompanyChoiceValid(choices.companies);
  // "Today" is the user's day, whatever the server's zone.
  const count = useAudiencePreview({
    listId: list?.id ?? '', emailColumn: choices.emailColumn, spec: list && companiesOk ? { ...audienceSpecOf(choices), timeZone: userTimeZone() } : null,
  });
  const preview = list && count.value?.preview.listId === list.id ? count.value.preview : undefined;
  // An answer about older text says nothing about entries since removed.
  const typed = parseExclusions(choices.exclusions);
  const invalid = (count.value?.invalid ?? []).filter((i) => typed.includes(i.entry));
  const filterKey = JSON.stringify(filterOf(choices.filter) ?? null);
  const filter = useMemo(() => (JSON.parse(filterKey) as FilterNode | null) ?? undefined, [filterKey]);
  const { runDate, timeZone, locale } = preview ?? {};
  const context = useMemo(() => (runDate && timeZone && locale ? { runDate, timeZone, locale } : undefined), [runDate, timeZone, locale]);
  return { preview, loading: count.loading, error: count.error, reload: count.reload, invalid, companiesOk, filter, context };
}
