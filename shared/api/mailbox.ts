import { z } from 'zod';

/** A mail folder of the signed-in user's mailbox. */
export const Folder = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  wellKnownName: z.string().nullable(),
  messageCount: z.number().int(),
});
/** Parsed folder. */
export type Folder = z.infer<typeof Folder>;

/** `GET /api/mailbox/folders` */
export const FoldersResponse = z.object({ folders: z.array(Folder) });

/** `POST /api/mailbox/folders` */
export const CreateFolderRequest = z.object({
  name: z.string().trim().min(1).max(255),
  parentId: z.string().optional(),
});

/** The run and delivery a message was sent for, carried in its `X-Seriatim-Tag` header. */
export const MessageTag = z.object({ runId: z.string(), deliveryId: z.string() });
/** Parsed message tag. */
export type MessageTag = z.infer<typeof MessageTag>;

/** One message in a folder listing. */
export const MessageSummary = z.object({
  id: z.string(),
  folderId: z.string(),
  messageId: z.string(),
  to: z.array(z.string()),
  subject: z.string(),
  tag: MessageTag.nullable(),
  createdAt: z.string(),
});
/** Parsed message summary. */
export type MessageSummary = z.infer<typeof MessageSummary>;

/** `GET /api/mailbox/folders/:id/messages` */
export const MessagesResponse = z.object({
  messages: z.array(MessageSummary),
  total: z.number().int(),
  /**
   * The `offset` of the next page, null after the last. Ask for it rather than counting the
   * messages shown: Microsoft 365 may return a short page while more remain (its `$skip` counts
   * items that are not messages).
   */
  nextOffset: z.number().int().nullable().default(null),
});

/** A file carried by a message, as listed when the message is read (its bytes stay in the raw MIME). */
export const MessageAttachment = z.object({
  name: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  /** Shown in the body (an image referenced as `cid:<contentId>`) rather than attached. */
  inline: z.boolean(),
  contentId: z.string().nullable(),
});
/** Parsed message attachment. */
export type MessageAttachment = z.infer<typeof MessageAttachment>;

/** `GET /api/mailbox/messages/:id`: headers, bodies and attachments of one message. */
export const MessageDetail = MessageSummary.extend({
  headers: z.array(z.object({ name: z.string(), value: z.string() })),
  html: z.string().nullable(),
  text: z.string().nullable(),
  /** Size of the whole MIME message in bytes. */
  size: z.number().int(),
  /** Absent from servers older than the list; read as none. */
  attachments: z.array(MessageAttachment).default([]),
});
/** Parsed message detail. */
export type MessageDetail = z.infer<typeof MessageDetail>;
