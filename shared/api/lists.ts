import { z } from 'zod';
import { ListOrigin } from './sources';

/** A cell value of a recipient row: dates are ISO `yyyy-mm-dd` strings. */
export const CellValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
/** One recipient row, keyed by column name. */
export const RecipientRow = z.record(z.string(), CellValue);
/** Parsed recipient row. */
export type RecipientRow = z.infer<typeof RecipientRow>;

/** The kinds of value a list column can hold. */
export const ColumnType = z.enum(['text', 'email', 'number', 'date', 'phone', 'boolean']);

/** A column of a recipient list and the type inferred (or chosen) for it. */
export const ListColumn = z.object({
  name: z.string(),
  type: ColumnType,
});

/** A problem found in one row of an imported file; the file is still usable. */
export const ImportProblem = z.object({
  row: z.number().int(),
  column: z.string().optional(),
  code: z.string(),
  message: z.string(),
});

/** Which columns of a change-log list hold the person key, the date and what changed. */
export const ChangeLogColumns = z.object({
  personKey: z.string().min(1),
  date: z.string().min(1),
  reason: z.string().min(1).optional(),
  oldValue: z.string().min(1).optional(),
  newValue: z.string().min(1).optional(),
});
/** Parsed change-log columns. */
export type ChangeLogColumns = z.infer<typeof ChangeLogColumns>;

/** A list's change log for `changedOn` rules: another list, joined by `personKeyField` of this one. */
export const ChangeLogLink = z.object({
  listId: z.string(),
  personKeyField: z.string(),
  columns: ChangeLogColumns,
});
/** Parsed change-log link. */
export type ChangeLogLink = z.infer<typeof ChangeLogLink>;

/** How an uploaded file was read (so the user can see, and override, what was detected). */
export const ImportSettings = z.object({
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().optional(),
  delimiter: z.string().optional(),
  sheet: z.string().optional(),
  headerRow: z.number().int(),
});
/** Parsed import settings. */
export type ImportSettings = z.infer<typeof ImportSettings>;

/** A saved recipient list as the API presents it. */
export const ListSummary = z.object({
  id: z.string(),
  name: z.string(),
  /** `outlook`: read from Microsoft 365 (`origin` says from where); refreshable. */
  source: z.enum(['upload', 'sample', 'outlook']),
  fileName: z.string().nullable(),
  columns: z.array(ListColumn),
  emailColumn: z.string().nullable(),
  /** The column with mobile numbers, for SMS runs. */
  phoneColumn: z.string().nullable(),
  rowCount: z.number().int(),
  problems: z.array(ImportProblem),
  /** Rows are companies' general addresses and contact persons; this column says which is which. */
  companies: z.object({ typeColumn: z.string() }).nullable(),
  changeLog: ChangeLogLink.nullable(),
  import: ImportSettings.nullable(),
  /** Where a list read from Microsoft 365 came from; null for files and samples. */
  origin: ListOrigin.nullable(),
  /**
   * The column whose values are present and unique in every row, kept across replacing and
   * refreshing while it stays so: marks name rows by it (`AudienceSpec.rowKey`). Null or absent:
   * no such column, marks name rows by position.
   */
  keyColumn: z.string().nullable().optional(),
  createdAt: z.string(),
  /** When the rows were last replaced or the settings changed. */
  updatedAt: z.string(),
});
/** Parsed list summary. */
export type ListSummary = z.infer<typeof ListSummary>;

/** `GET /api/lists` */
export const ListsResponse = z.object({ lists: z.array(ListSummary) });

/** `GET /api/lists/:id/rows?offset&limit` */
export const ListRowsResponse = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  rows: z.array(RecipientRow),
});
/** Parsed page of list rows. */
export type ListRowsResponse = z.infer<typeof ListRowsResponse>;

const ColumnTypes = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON object such as {"Zip":"text"}' });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string(), ColumnType));

/**
 * Query of `POST /api/lists` and `PUT /api/lists/:id` (the body is the file's bytes). Everything
 * but the file name overrides what the import would detect; `columnTypes` is JSON (`{"Zip":"text"}`).
 * `changeLogFor` and `personKeyField` apply to `POST` only.
 */
export const UploadListQuery = z.object({
  fileName: z.string().min(1).max(255),
  name: z.string().min(1).max(200).optional(),
  emailColumn: z.string().optional(),
  phoneColumn: z.string().optional(),
  encoding: z.string().min(1).max(40).optional(),
  delimiter: z.string().min(1).max(5).optional(),
  headerRow: z.coerce.number().int().min(1).optional(),
  sheet: z.string().min(1).max(100).optional(),
  columnTypes: ColumnTypes.optional(),
  /** Upload a change log for that list (it needs no address column) and mark it as that list's log. */
  changeLogFor: z.string().min(1).optional(),
  /** With `changeLogFor`: the column of that list the log's person key matches (default: its address column). */
  personKeyField: z.string().min(1).optional(),
});
/** Parsed upload query. */
export type UploadListQuery = z.infer<typeof UploadListQuery>;

/** `PATCH /api/lists/:id`: rename, or choose the address, phone or company-type column (null clears). */
export const UpdateListRequest = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  emailColumn: z.string().min(1).optional(),
  phoneColumn: z.string().min(1).nullable().optional(),
  companyTypeColumn: z.string().min(1).nullable().optional(),
});
/** Parsed list update. */
export type UpdateListRequest = z.infer<typeof UpdateListRequest>;

/**
 * `PUT /api/lists/:id/change-log`: mark another list as this one's change log. `personKeyField`
 * (default: this list's address column) is matched to the log's `personKey` column; absent
 * columns are found by name (personKey/email/id, date, reason, oldValue, newValue).
 */
export const SetChangeLogRequest = z.strictObject({
  changeLogListId: z.string().min(1),
  personKeyField: z.string().min(1).optional(),
  columns: ChangeLogColumns.partial().optional(),
});
/** Parsed change-log request. */
export type SetChangeLogRequest = z.infer<typeof SetChangeLogRequest>;
