/**
 * The filter model: plain JSON data, validated with zod on both sides. Conditions test one
 * field of a recipient row; date rules are relative to the run date; groups combine them.
 */
import { z } from 'zod';
import { isIsoDate } from './calendar';

/** One recipient row: field name to value; dates are `yyyy-mm-dd` strings. */
export type RecipientRow = Record<string, string | number | boolean | null>;

/** A value a row field may hold. */
export type RowValue = string | number | boolean | null;

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written `yyyy-mm-dd`. */
export const IsoDateSchema = z
  .string({ error: 'must be a date written yyyy-mm-dd' })
  .refine(isIsoDate, { error: 'must be a real date written yyyy-mm-dd' });

// A string shaped like a date must be a real one: "2026-02-30" is a typo, not text to match.
const Text = z
  .string({ error: 'must be text' })
  .refine((s) => !DATE_SHAPE.test(s) || isIsoDate(s), { error: 'must be a real date written yyyy-mm-dd' });
const NonEmptyText = Text.refine((s) => s.length > 0, { error: 'must not be empty' });
const Scalar = z.union([z.number(), Text, z.boolean()], { error: 'must be text, a number, a date or true/false' });
const Ordered = z.union([z.number(), NonEmptyText], { error: 'must be a number, a date or text' });
const Field = z.string({ error: 'must name a field' }).trim().min(1, { error: 'must name a field' });
const WholeNumber = (max: number) =>
  z.number({ error: 'must be a whole number' }).int({ error: 'must be a whole number' }).min(0).max(max);

/** Value conditions on one field. */
export const FieldConditionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.enum(['equals', 'notEquals']), field: Field, value: Scalar }),
  z.strictObject({ type: z.enum(['contains', 'startsWith']), field: Field, value: NonEmptyText }),
  z.strictObject({ type: z.literal('in'), field: Field, values: z.array(Scalar).min(1, { error: 'must list at least one value' }) }),
  z.strictObject({ type: z.enum(['empty', 'notEmpty']), field: Field }),
  z.strictObject({ type: z.enum(['lt', 'lte', 'gt', 'gte']), field: Field, value: Ordered }),
  z
    .strictObject({ type: z.literal('between'), field: Field, from: Ordered, to: Ordered })
    .superRefine((c, ctx) => {
      const kind = operandKind(c.from);
      if (kind !== operandKind(c.to)) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be the same kind (number, date or text) as from' });
      } else if (kind !== 'text' && c.from > c.to) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
      }
    }),
]);

/** Rules relative to the run date (and the change log). */
export const DateRuleSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('birthdayToday'), field: Field }),
  z.strictObject({
    type: z.literal('workAnniversaryToday'),
    field: Field,
    minYears: WholeNumber(100).min(1, { error: 'must be at least 1' }).optional(),
  }),
  z.strictObject({
    type: z.literal('dateWithin'),
    field: Field,
    direction: z.enum(['next', 'last'], { error: "must be 'next' or 'last'" }),
    days: WholeNumber(36600),
  }),
  z.strictObject({ type: z.literal('dateEquals'), field: Field, date: IsoDateSchema }),
  z.strictObject({ type: z.literal('changedOn'), date: IsoDateSchema, reason: NonEmptyText.optional() }),
  z.strictObject({ type: z.enum(['ageOver', 'ageUnder']), field: Field, years: WholeNumber(150) }),
]);

/** A condition on one field's value. */
export type FieldCondition = z.infer<typeof FieldConditionSchema>;
/** A rule relative to the run date. */
export type DateRule = z.infer<typeof DateRuleSchema>;
/** Any leaf of a filter tree. */
export type Condition = FieldCondition | DateRule;
/** The `type` of any leaf. */
export type ConditionType = Condition['type'];

/** AND/OR over children; an empty group is neutral (it is ignored by its parent). */
export interface GroupNode {
  type: 'group';
  op: 'and' | 'or';
  children: FilterNode[];
}

/** Negation of one node. */
export interface NotNode {
  type: 'not';
  child: FilterNode;
}

/** A filter tree. */
export type FilterNode = GroupNode | NotNode | Condition;

/** Deepest nesting accepted, so hostile input cannot exhaust the stack. */
export const MAX_FILTER_DEPTH = 32;

/** Any filter node, recursively. */
export const FilterNodeSchema: z.ZodType<FilterNode> = z.lazy(() =>
  z.discriminatedUnion('type', [
    ...FieldConditionSchema.options,
    ...DateRuleSchema.options,
    z.strictObject({
      type: z.literal('group'),
      op: z.enum(['and', 'or'], { error: "must be 'and' or 'or'" }),
      children: z.array(FilterNodeSchema),
    }),
    z.strictObject({ type: z.literal('not'), child: FilterNodeSchema }),
  ]),
);

/** The whole audience: a filter plus manual marks by row key (exclude wins over include). */
export const AudienceSchema = z.strictObject({
  filter: FilterNodeSchema.optional(),
  include: z.array(z.string()).optional(),
  exclude: z.array(z.string()).optional(),
});

/** The whole audience spec. */
export type Audience = z.infer<typeof AudienceSchema>;

/** Which kind of comparison an ordered operand asks for. */
export function operandKind(value: number | string): 'number' | 'date' | 'text' {
  if (typeof value === 'number') return 'number';
  return isIsoDate(value) ? 'date' : 'text';
}
