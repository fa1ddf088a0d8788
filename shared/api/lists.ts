import { z } from 'zod';

/** A cell value of a recipient row: dates are ISO `yyyy-mm-dd` strings. */
export const CellValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
/** One recipient row, keyed by column name. */
export const RecipientRow = z.record(z.string(), CellValue);
/** Parsed recipient row. */
export type RecipientRow = z.infer<typeof RecipientRow>;

/** A column of a recipient list and the type inferred (or chosen) for it. */
export const ListColumn = z.object({
  name: z.string(),
  type: z.enum(['text', 'email', 'number', 'date', 'phone', 'boolean']),
});

/** A problem found in one row of an imported file; the file is still usable. */
export const ImportProblem = z.object({
  row: z.number().int(),
  column: z.string().optional(),
  code: z.string(),
  message: z.string(),
});

/** A saved recipient list as the API presents it. */
export const ListSummary = z.object({
  id: z.string(),
  name: z.string(),
  source: z.enum(['upload', 'sample']),
  fileName: z.string().nullable(),
  columns: z.array(ListColumn),
  emailColumn: z.string().nullable(),
  rowCount: z.number().int(),
  problems: z.array(ImportProblem),
  createdAt: z.string(),
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

/** Query of `POST /api/lists` (the body is the file's bytes). */
export const UploadListQuery = z.object({
  fileName: z.string().min(1).max(255),
  name: z.string().min(1).max(200).optional(),
  emailColumn: z.string().optional(),
});
