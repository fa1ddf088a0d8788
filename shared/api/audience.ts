import { z } from 'zod';
import { IsoDateSchema, checkFilter, isKnownTimeZone } from '../audience';
import type { FilterNode } from '../audience';
import { RecipientRow } from './lists';
import { isLocale } from './locale';

// `children[1].values[0]` → ['children', 1, 'values', 0], so zod prefixes it with where the filter sits.
function pathParts(path: string): Array<string | number> {
  return (path.match(/[^.[\]]+/g) ?? []).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * A filter tree from untrusted input. Checked by the audience module itself, so hostile nesting
 * is refused before any recursion and each problem keeps its path (`audience.filter.children.1.date`).
 */
export const AudienceFilter = z.unknown().transform((input, ctx): FilterNode => {
  const result = checkFilter(input);
  if (result.ok) return result.value;
  for (const issue of result.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: pathParts(issue.path) });
  return z.NEVER;
});

const ADDRESS_OR_DOMAIN = /^(?:[^\s@]+@)?@?[^\s@]+\.[^\s@]+$/;

/** An address (`ayse@example.com`) or a whole domain (`example.com` or `@example.com`). */
export const AddressOrDomain = z
  .string()
  .trim()
  .max(254)
  .regex(ADDRESS_OR_DOMAIN, { error: 'must be an address (ayse@example.com) or a domain (example.com)' });

/** Which addresses of a cell holding several (`a@x.tr; b@y.tr`) become recipients. */
export const AddressChoice = z.enum(['first', 'all']);

/** Which addresses of each company: its general address, the default contact, the other contacts. */
export const CompanyRecipients = z
  .strictObject({ general: z.boolean(), defaultContact: z.boolean(), otherContacts: z.boolean() })
  .refine((c) => c.general || c.defaultContact || c.otherContacts, { error: 'choose at least one kind of address' });
/** Parsed company choice. */
export type CompanyRecipients = z.infer<typeof CompanyRecipients>;

/**
 * Who a run goes to, evaluated on the server when the run is planned: the filter, manual marks
 * (row keys: the `rowKey` column's value, or the row's position in the list as `GET /lists/:id/rows`
 * counts it), addresses or domains excluded from this run only, and the evaluation context.
 */
export const AudienceSpec = z.strictObject({
  filter: AudienceFilter.optional(),
  include: z.array(z.string().max(1000)).max(100_000).optional(),
  exclude: z.array(z.string().max(1000)).max(100_000).optional(),
  rowKey: z.string().min(1).optional(),
  exclusions: z.array(AddressOrDomain).max(100_000).optional(),
  addresses: AddressChoice.optional(),
  /**
   * Addresses by type: the columns to take them from, in order of preference (a work address, then
   * a private one); `addresses` then picks the first valid one of them all, or each. Absent: the
   * list's (or the run's) email column.
   */
  addressColumns: z.array(z.string().min(1).max(200)).min(1).max(20).optional(),
  companies: CompanyRecipients.optional(),
  /** The date rules are relative to; absent: today in `timeZone`. */
  runDate: IsoDateSchema.optional(),
  timeZone: z.string().refine(isKnownTimeZone, { error: 'must be an IANA time zone such as Europe/Istanbul' }).optional(),
  locale: z.string().max(35).refine(isLocale, { error: 'must be a BCP 47 locale such as tr-TR' }).optional(),
});
/** Parsed audience spec. */
export type AudienceSpec = z.infer<typeof AudienceSpec>;

/** `POST /api/audience/preview`: what planning a run with this audience would give. */
export const AudiencePreviewRequest = z.strictObject({
  listId: z.string(),
  emailColumn: z.string().optional(),
  audience: AudienceSpec.optional(),
  /** How many planned recipients to return, in plan order. */
  limit: z.number().int().min(0).max(500).default(20),
});
/** Parsed preview request. */
export type AudiencePreviewRequest = z.infer<typeof AudiencePreviewRequest>;

/** Rows that drop out, by reason. The first two are not deliveries; the rest are planned as skipped. */
export const AudienceDropped = z.object({
  filteredOut: z.number().int(),
  markedOut: z.number().int(),
  noAddress: z.number().int(),
  invalidAddress: z.number().int(),
  duplicate: z.number().int(),
  suppressed: z.number().int(),
  excluded: z.number().int(),
});
/** Parsed drop-out counts. */
export type AudienceDropped = z.infer<typeof AudienceDropped>;

/** One planned recipient in a preview; `key` is what include/exclude marks name. */
export const AudienceRecipient = z.object({
  rowIndex: z.number().int(),
  key: z.string(),
  to: z.string(),
  status: z.enum(['pending', 'skipped']),
  reason: z.string().nullable(),
  values: RecipientRow,
});
/** Parsed planned recipient. */
export type AudienceRecipient = z.infer<typeof AudienceRecipient>;

/** The answer of `POST /api/audience/preview`; planning the same request gives the same numbers. */
export const AudiencePreview = z.object({
  listId: z.string(),
  runDate: z.string(),
  timeZone: z.string(),
  locale: z.string(),
  /** Rows considered (for company lists: the chosen kinds of address). */
  rows: z.number().int(),
  /** Rows in the audience: matched by the filter or marked in. */
  selected: z.number().int(),
  /** Deliveries a run would hold (a cell with several addresses may give several). */
  deliveries: z.number().int(),
  /** Deliveries that would be sent. */
  sendable: z.number().int(),
  dropped: AudienceDropped,
  /** Merge fields the filter's rules add to every recipient (`age`, `yearsOfService`, `change…`). */
  derivedFields: z.array(z.string()),
  recipients: z.array(AudienceRecipient),
});
/** Parsed audience preview. */
export type AudiencePreview = z.infer<typeof AudiencePreview>;

/** One entry of the organisation's suppression list. */
export const SuppressionEntry = z.object({
  value: z.string(),
  kind: z.enum(['address', 'domain']),
  reason: z.string().nullable(),
  source: z.enum(['manual', 'report']),
  deliveryId: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});
/** Parsed suppression entry. */
export type SuppressionEntry = z.infer<typeof SuppressionEntry>;

/** `GET /api/suppression?offset&limit` */
export const SuppressionListResponse = z.object({ total: z.number().int(), entries: z.array(SuppressionEntry) });
/** Parsed suppression page. */
export type SuppressionListResponse = z.infer<typeof SuppressionListResponse>;

/** `POST /api/suppression`: one address, one domain, or the address of a delivery from a report. */
export const AddSuppressionRequest = z
  .strictObject({
    address: AddressOrDomain.refine((v) => /^[^@]+@[^@]+$/.test(v), { error: 'must be an address such as ayse@example.com' }).optional(),
    domain: AddressOrDomain.refine((v) => !/^[^@]+@/.test(v), { error: 'must be a domain such as example.com' }).optional(),
    deliveryId: z.string().min(1).optional(),
    reason: z.string().trim().max(500).optional(),
  })
  .refine((r) => [r.address, r.domain, r.deliveryId].filter((v) => v !== undefined).length === 1, {
    error: 'give exactly one of address, domain or deliveryId',
    path: ['address'],
  });
/** Parsed add-suppression request. */
export type AddSuppressionRequest = z.infer<typeof AddSuppressionRequest>;
