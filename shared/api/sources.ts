import { z } from 'zod';

/** Graph and Outlook ids: URL-safe or standard base64 and GUIDs, never a path or a query. */
const GraphId = z.string().trim().min(1).max(1024).regex(/^[A-Za-z0-9+/_=-]+$/, 'Not a Microsoft 365 id');

/** Where a list's rows can come from besides a file. */
export const SourceKind = z.enum(['contacts', 'directory', 'group', 'draft']);
/** Parsed source kind. */
export type SourceKind = z.infer<typeof SourceKind>;

/**
 * A recipient source in the signed-in user's Microsoft 365: their contacts (all, or one contact
 * folder), the organisation's directory, a group's members (nested groups included), or the To and
 * Cc of a draft they saved in Outlook (its REST id, from `convertToRestId`).
 */
export const ListSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('contacts'), folderId: GraphId.optional() }),
  z.strictObject({ kind: z.literal('directory') }),
  z.strictObject({ kind: z.literal('group'), groupId: GraphId }),
  z.strictObject({ kind: z.literal('draft'), itemId: GraphId }),
]);
/** Parsed list source. */
export type ListSource = z.infer<typeof ListSource>;

/** Where a list read from Microsoft 365 came from: the source, what it is called there, and when it was last read. */
export const ListOrigin = z.object({
  source: ListSource,
  /** The folder's or group's name, or the draft's subject; null for all contacts and the directory. */
  label: z.string().nullable(),
  readAt: z.string(),
});
/** Parsed list origin. */
export type ListOrigin = z.infer<typeof ListOrigin>;

/** `POST /api/lists/from-source`: read a source and save it as a list (default name: the source's). */
export const CreateListFromSourceRequest = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  source: ListSource,
});
/** Parsed from-source request. */
export type CreateListFromSourceRequest = z.infer<typeof CreateListFromSourceRequest>;

/** Query of `GET /api/sources`: `q` lists the groups whose name starts with it. */
export const SourcesQuery = z.object({ q: z.string().trim().min(1).max(100).optional() });

/** A contact folder to read from. */
export const ContactFolderChoice = z.object({ id: z.string(), name: z.string() });
/** A group to read from. */
export const GroupChoice = z.object({ id: z.string(), name: z.string(), mail: z.string().nullable() });
/** Parsed group choice. */
export type GroupChoice = z.infer<typeof GroupChoice>;

/**
 * `GET /api/sources`: what the signed-in user can read recipients from. Sources need Microsoft 365:
 * on another mailbox `available` is false, `reason` says why and the lists are empty. `groups` is
 * null unless `q` was given (a tenant may have thousands).
 */
export const SourcesResponse = z.object({
  available: z.boolean(),
  reason: z.string().nullable(),
  kinds: z.array(SourceKind),
  contactFolders: z.array(ContactFolderChoice),
  groups: z.array(GroupChoice).nullable(),
});
/** Parsed sources answer. */
export type SourcesResponse = z.infer<typeof SourcesResponse>;
