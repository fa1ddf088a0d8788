import { z } from 'zod';

// The template library, stored files, and what a run sends besides its template (attachments,
// per-recipient files, Cc/Bcc/Reply-To). runs.ts and preview.ts import from here, never the reverse.

/** A file sent with every message: an uploaded file's id, or (small files) its bytes in base64. */
export const AttachmentInput = z
  .object({
    fileId: z.string().min(1).optional(),
    contentBase64: z.base64().optional(),
    /** The file name recipients see; needed with contentBase64 (an uploaded file keeps its own name). */
    name: z.string().trim().min(1).max(255).optional(),
    contentType: z.string().trim().min(3).max(255).optional(),
    /** The Content-ID an inline image is referenced by in the HTML (`<img src="cid:logo">`). */
    contentId: z.string().trim().min(1).max(255).optional(),
    /** Shown in the body rather than as an attachment; defaults to true when contentId is set. */
    inline: z.boolean().optional(),
  })
  .refine((a) => (a.fileId === undefined) !== (a.contentBase64 === undefined), { message: 'Give either fileId or contentBase64' })
  .refine((a) => a.contentBase64 === undefined || a.name !== undefined, { message: 'A file given as contentBase64 needs a name', path: ['name'] });
/** Parsed attachment input. */
export type AttachmentInput = z.infer<typeof AttachmentInput>;

/** An attachment as stored with a template. */
export const TemplateAttachment = z.object({
  fileId: z.string(),
  name: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  contentId: z.string().nullable(),
  inline: z.boolean(),
});
/** Parsed template attachment. */
export type TemplateAttachment = z.infer<typeof TemplateAttachment>;

const TemplateFields = {
  name: z.string().trim().min(1).max(200),
  subject: z.string().max(998),
  html: z.string().max(5_000_000),
  text: z.string().max(5_000_000).nullable().optional(),
  note: z.string().max(2000).optional(),
  attachments: z.array(AttachmentInput).max(100).optional(),
};

/** `POST /api/templates`: save a template (usually the Outlook draft the add-in read). */
export const CreateTemplateRequest = z.object(TemplateFields);
/** Parsed create-template request. */
export type CreateTemplateRequest = z.infer<typeof CreateTemplateRequest>;

/** `PUT /api/templates/:id`: change any of the fields (only `name` renames); absent fields stay. */
export const UpdateTemplateRequest = z
  .object(TemplateFields)
  .partial()
  .refine((r) => Object.values(r).some((v) => v !== undefined), { message: 'Give at least one field to change' });
/** Parsed update-template request. */
export type UpdateTemplateRequest = z.infer<typeof UpdateTemplateRequest>;

/** `POST /api/templates/:id/duplicate`: the copy's name (default "<name> (copy)"). */
export const DuplicateTemplateRequest = z.object({ name: TemplateFields.name.optional() });

/** A saved template as the API presents it. */
export const SavedTemplate = z.object({
  id: z.string(),
  ownerId: z.string(),
  name: z.string(),
  subject: z.string(),
  html: z.string(),
  text: z.string().nullable(),
  note: z.string(),
  attachments: z.array(TemplateAttachment),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** When a run using it last started sending; null if never. */
  lastSentAt: z.string().nullable(),
});
/** Parsed saved template. */
export type SavedTemplate = z.infer<typeof SavedTemplate>;

/**
 * `POST /api/templates/from-draft`: save the Outlook draft the add-in has just saved as a template.
 * `itemId` is the draft's REST id (`saveAsync`'s id through `convertToRestId(id, v2.0)`) or its
 * immutable id; `name` defaults to the draft's subject (numbered if taken).
 */
export const TemplateFromDraftRequest = z.object({
  itemId: z.string().trim().min(1).max(1024).regex(/^[A-Za-z0-9+/_=-]+$/, 'Not an Outlook item id: give the REST id from convertToRestId'),
  name: TemplateFields.name.optional(),
});
/** Parsed from-draft request. */
export type TemplateFromDraftRequest = z.infer<typeof TemplateFromDraftRequest>;

/** A draft attachment that is not a file (an attached Outlook item, a cloud link), so not part of the template. */
export const SkippedAttachment = z.object({ name: z.string(), kind: z.string() });
/** Parsed skipped attachment. */
export type SkippedAttachment = z.infer<typeof SkippedAttachment>;

/** What the draft became: the saved template, and the attachments it could not carry. */
export const TemplateFromDraftResponse = z.object({ template: SavedTemplate, skipped: z.array(SkippedAttachment) });
/** Parsed from-draft response. */
export type TemplateFromDraftResponse = z.infer<typeof TemplateFromDraftResponse>;

/** A saved template in the library's list (no bodies). */
export const SavedTemplateSummary = SavedTemplate.omit({ html: true, text: true, attachments: true }).extend({
  attachmentCount: z.number().int(),
});
/** Parsed template summary. */
export type SavedTemplateSummary = z.infer<typeof SavedTemplateSummary>;

/** `GET /api/templates`: the user's templates, most recently changed first. */
export const SavedTemplatesResponse = z.object({ templates: z.array(SavedTemplateSummary) });

/** Query of `POST /api/files` (the body is the file's bytes). */
export const UploadFileQuery = z.object({
  fileName: z.string().trim().min(1).max(255),
  contentType: z.string().trim().min(3).max(255).optional(),
});

/** Query of `POST /api/files/zip` (the body is the zip's bytes). */
export const UploadZipQuery = z.object({
  fileName: z.string().trim().min(1).max(255).default('files.zip'),
  /** Code page of file names in zips written without the UTF-8 flag (old Windows: cp857, cp852…). */
  encoding: z.string().trim().min(2).max(40).optional(),
});

/** A stored file. */
export const StoredFile = z.object({ id: z.string(), name: z.string(), contentType: z.string(), size: z.number().int() });
/** Parsed stored file. */
export type StoredFile = z.infer<typeof StoredFile>;

/** The files of an uploaded zip, for per-recipient attachments. */
export const FileSet = z.object({
  id: z.string(),
  name: z.string(),
  totalSize: z.number().int(),
  files: z.array(StoredFile),
  createdAt: z.string(),
});
/** Parsed file set. */
export type FileSet = z.infer<typeof FileSet>;

/**
 * Per-recipient files: `column` names each row's file(s) in the set (several separated by `;`),
 * matched ignoring case and Unicode normalisation. `passwordColumn` protects each row's PDFs with
 * the password in that column. Rows whose file is missing stop the run (`refuse`, the default) or
 * are skipped with reason MISSING_ATTACHMENT (`skip`).
 */
export const RecipientFiles = z.object({
  fileSetId: z.string().min(1),
  column: z.string().min(1),
  passwordColumn: z.string().min(1).optional(),
  onMissing: z.enum(['refuse', 'skip']).default('refuse'),
});
/** Parsed per-recipient files. */
export type RecipientFiles = z.infer<typeof RecipientFiles>;

/** A Cc, Bcc or Reply-To address: a fixed one, or each row's value of a column (`;` or `,` separated). */
export const AddressSource = z.union([
  z.object({ address: z.email() }).strict(),
  z.object({ column: z.string().min(1) }).strict(),
]);
/** Parsed address source. */
export type AddressSource = z.infer<typeof AddressSource>;

/** What a run (or a preview) sends besides its template; the same fields on both requests. */
export const MessageExtras = {
  /** A template from the library instead of `template`; the run freezes its text when planned. */
  templateId: z.string().min(1).optional(),
  /** Files sent with every message, added to the library template's own. */
  attachments: z.array(AttachmentInput).max(100).optional(),
  recipientFiles: RecipientFiles.optional(),
  cc: z.array(AddressSource).max(100).optional(),
  bcc: z.array(AddressSource).max(100).optional(),
  replyTo: AddressSource.optional(),
};

/** Something about one recipient's message the author should see before sending. */
export const RowWarning = z.object({
  code: z.enum(['EMPTY_FIELD', 'MISSING_ATTACHMENT', 'EMPTY_PASSWORD', 'NOT_A_PDF', 'ALREADY_PROTECTED', 'INVALID_ADDRESS', 'TOO_MANY_RECIPIENTS', 'TOO_LARGE']),
  message: z.string(),
  /** The field or column concerned. */
  field: z.string().optional(),
});
/** Parsed row warning. */
export type RowWarning = z.infer<typeof RowWarning>;

/** A file the previewed recipient's message would carry. */
export const PreviewAttachment = z.object({
  name: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  inline: z.boolean(),
  /** Sent as a PDF that opens only with the row's password. */
  protected: z.boolean(),
});

/** What a preview reports besides the merged message (all optional, so older servers still parse). */
export const PreviewExtras = {
  /** Rows (0-based, ascending, at most 5,000) with any warning: empty fields, missing files, bad addresses. */
  warningRows: z.array(z.number().int()).optional(),
  /** The previewed row's own warnings. */
  rowWarnings: z.array(RowWarning).optional(),
  attachments: z.array(PreviewAttachment).optional(),
  cc: z.array(z.string()).optional(),
  bcc: z.array(z.string()).optional(),
  replyTo: z.string().nullable().optional(),
};
