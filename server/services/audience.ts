/**
 * Resolving a run's audience on the server: the list's rows, the company choice, the filter and
 * manual marks evaluated against the run date, the change log, the organisation's suppression
 * list and the run's exclusions — then the planner's one pure function. The preview endpoint and
 * planning a run both come through here, so their numbers agree.
 */
import type { AudiencePreview, AudienceSpec } from '../../shared/api';
import { FilterContextError, compileAudienceVerdict, compileDerivedValues, listDerivedFields, runDateIn } from '../../shared/audience';
import type { DerivedField, FilterContext, RowKeyReader } from '../../shared/audience';
import { planAudience, type AudiencePlan } from '../engine/planner';
import { AppError } from '../errors';
import { createAddressMatcher, readMatchEntry } from '../recipients/address-matcher';
import { readChangeLog } from '../recipients/change-log';
import { DEFAULT_COMPANY_CHOICE, chooseCompanyRows } from '../recipients/company-choice';
import type { Db } from '../store/db';
import { findList, readRows, type ListRecord, type Row } from '../store/lists';
import { suppressedValues } from '../store/suppression';
import { findUser } from '../store/users';

/** Where the evaluation context comes from when the audience does not say: the run's options, then the server. */
export interface AudienceDefaults { timeZone?: string; locale?: string; now?: Date }

/** A resolved audience: the context it was evaluated in and the frozen plan. */
export interface ResolvedAudience {
  list: ListRecord;
  emailColumn: string;
  context: { runDate: string; timeZone: string; locale: string };
  derivedFields: DerivedField[];
  /** The stored rows, by position; `plan.recipients[i].rowIndex` points here. */
  rows: Row[];
  plan: AudiencePlan;
}

/** A problem with the audience, reported like any other invalid body field. */
function invalid(path: string, message: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError('VALIDATION_FAILED', `Invalid body: ${path}: ${message}`, { issues: [{ path, message }], ...extra });
}

function evaluationContext(spec: AudienceSpec, defaults: AudienceDefaults): ResolvedAudience['context'] {
  const server = Intl.DateTimeFormat().resolvedOptions();
  const timeZone = spec.timeZone ?? defaults.timeZone ?? server.timeZone;
  const locale = spec.locale ?? defaults.locale ?? server.locale;
  return { runDate: spec.runDate ?? runDateIn(timeZone, defaults.now ?? new Date()), timeZone, locale };
}

/** The change log a `changedOn` rule joins to, from the list marked as this one's log. */
function loadChangeLog(db: Db, list: ListRecord): Pick<FilterContext, 'changeLog' | 'personKey'> {
  const link = list.meta.changeLog;
  if (!link) return {};
  const log = findList(db, list.ownerId, link.listId);
  if (!log) {
    throw invalid('audience.filter', `the list marked as the change log of "${list.name}" has been deleted; mark another one (PUT /api/lists/${list.id}/change-log)`);
  }
  const missing = Object.values(link.columns).find((c) => !log.columns.some((col) => col.name === c));
  if (missing) throw invalid('audience.filter', `the change log "${log.name}" no longer has a column "${missing}"; mark it again with its columns`);
  return { changeLog: readChangeLog(readRows(db, log.id), link.columns).entries, personKey: link.personKeyField };
}

function requireColumn(list: ListRecord, name: string, path: string): void {
  if (!list.columns.some((c) => c.name === name)) {
    throw invalid(path, `the list "${list.name}" has no column "${name}"; the columns are ${list.columns.map((c) => c.name).join(', ')}`);
  }
}

/** Manual marks name rows by the `rowKey` column, or by their position in the stored list. */
function rowKeyReader(spec: AudienceSpec, rows: Row[]): RowKeyReader {
  if (spec.rowKey) return spec.rowKey;
  if (!spec.include?.length && !spec.exclude?.length) return () => null;
  const positions = new Map<Row, number>(rows.map((row, i) => [row, i]));
  return (row) => String(positions.get(row));
}

function chooseRows(list: ListRecord, rows: Row[], spec: AudienceSpec): number[] | undefined {
  const companies = list.meta.companies;
  if (!companies) {
    if (spec.companies) throw invalid('audience.companies', `the list "${list.name}" is not a list of companies and contact persons`);
    return undefined;
  }
  return chooseCompanyRows(rows, companies.typeColumn, spec.companies ?? DEFAULT_COMPANY_CHOICE);
}

function exclusionMatcher(spec: AudienceSpec): (address: string) => boolean {
  const values = (spec.exclusions ?? []).map((text, i) => {
    const entry = readMatchEntry(text);
    if (!entry) throw invalid(`audience.exclusions.${i}`, `"${text}" is neither an address nor a domain`);
    return entry.value;
  });
  return createAddressMatcher(values);
}

function compile<T>(work: () => T): T {
  try {
    return work();
  } catch (err) {
    if (!(err instanceof FilterContextError)) throw err;
    const message = err.code === 'CHANGE_LOG_REQUIRED'
      ? 'a "changed on" rule needs a change log: mark a list as this list\'s change log first (PUT /api/lists/:id/change-log)'
      : err.message;
    throw invalid('audience.filter', message);
  }
}

/** Evaluates an audience against a list at plan time and freezes the result (nothing is stored). */
export function resolveAudience(
  db: Db, list: ListRecord, emailColumn: string, spec: AudienceSpec = {}, defaults: AudienceDefaults = {},
): ResolvedAudience {
  if (spec.rowKey) requireColumn(list, spec.rowKey, 'audience.rowKey');
  spec.addressColumns?.forEach((column, i) => requireColumn(list, column, `audience.addressColumns[${i}]`));
  const rows = readRows(db, list.id);
  const positions = chooseRows(list, rows, spec);
  const context = evaluationContext(spec, defaults);
  const derivedFields = listDerivedFields(spec.filter);
  const ctx: FilterContext = { ...context, ...(derivedFields.includes('changeDate') ? loadChangeLog(db, list) : {}) };
  const verdict = compile(() => compileAudienceVerdict(spec, ctx, rowKeyReader(spec, rows)));
  const derive = derivedFields.length > 0 ? compile(() => compileDerivedValues(spec.filter, ctx)) : undefined;
  const tenantId = findUser(db, list.ownerId)?.tenantId ?? list.ownerId;
  const plan = planAudience({
    rows, positions, emailColumn, addressColumns: spec.addressColumns, addresses: spec.addresses, verdict, derive,
    isSuppressed: createAddressMatcher(suppressedValues(db, tenantId)), isExcluded: exclusionMatcher(spec),
  });
  return { list, emailColumn, context, derivedFields, rows, plan };
}

/** Refuses to plan a run nobody is in, saying how the rows dropped out. */
export function assertAudienceSelected(resolved: ResolvedAudience): void {
  const { tally } = resolved.plan;
  if (tally.selected > 0) return;
  const rows = (n: number) => `${n} row${n === 1 ? '' : 's'}`;
  const why = tally.rows === 0
    ? 'there are no rows to choose from'
    : `of its ${rows(tally.rows)}, ${tally.filteredOut} do not match the filter and ${tally.markedOut} are marked out`;
  const message = `nobody in "${resolved.list.name}" is in the audience on ${resolved.context.runDate}: ${why}`;
  throw new AppError('VALIDATION_FAILED', `The run would reach nobody: ${message}. Change the filter, the marks or the run date.`, {
    issues: [{ path: 'audience', message }], reason: 'EMPTY_AUDIENCE', counts: tally,
  });
}

/**
 * Whether an error is `assertAudienceSelected`'s refusal of rules that select nobody today from a
 * list that has rows (a quiet day for a schedule), rather than of an empty list (a problem).
 */
export function isNobodyToday(err: unknown): boolean {
  if (!(err instanceof AppError)) return false;
  const details = err.details as { reason?: unknown; counts?: { rows?: unknown } } | undefined;
  return details?.reason === 'EMPTY_AUDIENCE' && typeof details.counts?.rows === 'number' && details.counts.rows > 0;
}

/** The preview's answer: counts, why rows drop out, and the first planned recipients. */
export function presentAudience(resolved: ResolvedAudience, spec: AudienceSpec, limit: number): AudiencePreview {
  const { tally, recipients } = resolved.plan;
  const keyOf = (rowIndex: number) => {
    if (!spec.rowKey) return String(rowIndex);
    const value = resolved.rows[rowIndex][spec.rowKey];
    return value === null || value === undefined ? '' : String(value).trim();
  };
  return {
    listId: resolved.list.id,
    ...resolved.context,
    rows: tally.rows,
    selected: tally.selected,
    deliveries: tally.deliveries,
    sendable: tally.sendable,
    dropped: {
      filteredOut: tally.filteredOut, markedOut: tally.markedOut, noAddress: tally.noAddress,
      invalidAddress: tally.invalidAddress, duplicate: tally.duplicate, suppressed: tally.suppressed, excluded: tally.excluded,
    },
    derivedFields: resolved.derivedFields,
    recipients: recipients.slice(0, limit).map((r) => ({
      rowIndex: r.rowIndex, key: keyOf(r.rowIndex), to: r.email, status: r.status, reason: r.reason, values: r.values,
    })),
  };
}
