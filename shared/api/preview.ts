import { z } from 'zod';
import { AudienceSpec } from './audience';
import { RunOptions, TemplateInput } from './runs';
import { MessageExtras, PreviewExtras } from './templates';

/** `POST /api/preview`: merge the template for one row of a list. */
export const PreviewRequest = z.object({
  listId: z.string(),
  emailColumn: z.string().optional(),
  /** The template to merge; or `templateId` (one of the two). */
  template: TemplateInput.optional(),
  ...MessageExtras,
  options: RunOptions.pick({ locale: true, timeZone: true }).optional(),
  /**
   * Who the run would reach (as in `POST /api/runs`): the preview then goes through those
   * recipients, with the fields the audience adds (years of service…), and `total` counts them.
   * Absent, or when it selects nobody today: every row of the list.
   */
  audience: AudienceSpec.optional(),
  /** Which recipient (audience) or row (no audience) to merge, from 0. */
  rowIndex: z.number().int().min(0).default(0),
});
/** Parsed preview request. */
export type PreviewRequest = z.infer<typeof PreviewRequest>;

/** What the template uses and what is wrong with it, against the list's columns. */
export const TemplateAnalysis = z.object({
  fields: z.array(z.string()),
  unknownFields: z.array(z.object({ field: z.string(), suggestion: z.string().nullable() })),
  syntaxErrors: z.array(
    z.object({ part: z.string(), line: z.number().int(), column: z.number().int(), message: z.string() }),
  ),
  emptyPerField: z.array(z.object({ field: z.string(), count: z.number().int() })),
});
/** Parsed template analysis. */
export type TemplateAnalysis = z.infer<typeof TemplateAnalysis>;

/** The merged message for one recipient, and the template's analysis. */
export const PreviewResponse = z.object({
  rowIndex: z.number().int(),
  total: z.number().int(),
  to: z.string().nullable(),
  subject: z.string(),
  html: z.string(),
  text: z.string(),
  analysis: TemplateAnalysis,
  ...PreviewExtras,
});
/** Parsed preview response. */
export type PreviewResponse = z.infer<typeof PreviewResponse>;

/** `POST /api/test-message`: send one merged message to an address of the user's choice. */
export const TestMessageRequest = PreviewRequest.extend({
  to: z.email(),
});
/** Parsed test message request. */
export type TestMessageRequest = z.infer<typeof TestMessageRequest>;

/** Reply to a test message. */
export const TestMessageResponse = z.object({ messageId: z.string(), folderId: z.string() });
