/** The audience module's public surface: filter model, evaluation, expressions and summaries. */
export { isIsoDate, isKnownTimeZone, isLeapYear, runDateIn } from './calendar';
export { ChangeLogEntrySchema, FilterContextError, FilterContextSchema, createTextFold } from './context';
export type { ChangeLogEntry, FilterContext, FilterContextErrorCode } from './context';
export { DEFAULT_MIN_SERVICE_YEARS } from './dateMatcher';
export { DEFAULT_COMPANY_CHOICE, companyKindOf, type CompanyKinds } from './companies';
export { compileDerivedValues, derivedValues, listDerivedFields } from './derivation';
export type { DerivedField, DerivedValues } from './derivation';
export { compileFilter, countMatches, filterRows } from './evaluator';
export { RESERVED_WORDS, parseFilterExpression } from './expression';
export type { RowPredicate } from './fieldMatcher';
export { formatFilterExpression, simplifyFilter } from './formatter';
export {
  AudienceSchema,
  DateRuleSchema,
  FieldConditionSchema,
  FilterNodeSchema,
  IsoDateSchema,
  MAX_FILTER_DEPTH,
} from './schema';
export type {
  Audience,
  Condition,
  ConditionType,
  DateRule,
  FieldCondition,
  FilterNode,
  GroupNode,
  NotNode,
  RecipientRow,
  RowValue,
} from './schema';
export { compileAudience, compileAudienceVerdict, countAudience, isSelected, selectAudience } from './selection';
export type { AudienceCounts, AudienceVerdict, RowKeyReader } from './selection';
export { countConditions, describeFilter, describeOperand, listFilterFields } from './summary';
export type { FilterDescription, OperandDescription } from './summary';
export { FilterSyntaxError } from './tokenizer';
export { FilterValidationError, checkAudience, checkFilter, formatIssuePath, parseAudience, parseFilter } from './validation';
export type { CheckResult, FilterIssue } from './validation';
