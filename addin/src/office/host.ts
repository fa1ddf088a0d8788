import { canOpenDialog, openDialog, type DialogAnswer } from './dialog';
import { canSaveDraftIn, saveDraftRestId } from './draft';
import type { Surface } from './surface';

/** The subject and HTML body of the draft being written in Outlook. */
export interface DraftContent {
  subject: string;
  html: string;
}

/** What the pane may ask of its Office host; components get this, never `Office` itself. */
export interface OfficeHost {
  surface: Surface;
  displayLanguage: string | null;
  theme: 'light' | 'dark' | null;
  canReadDraft: boolean;
  readDraft(): Promise<DraftContent>;
  /** Whether the draft can be saved to the mailbox (so the server can read it as a template). */
  canSaveDraft: boolean;
  /** Saves the draft in Outlook and returns its REST id (v2.0) for `POST /api/templates/from-draft`. */
  saveDraft(): Promise<string>;
  /** Whether the host supports nested app authentication (MSAL's NAA bridge). */
  supportsNaa: boolean;
  /** Opens the sign-in dialog page (the fallback when NAA fails); null when the host has no dialogs. */
  openDialog: ((url: string) => Promise<DialogAnswer>) | null;
  /** The sender of the message being read (read surface only), or null. */
  readSender(): Promise<Sender | null>;
}

/** Who sent the message open in Outlook. */
export interface Sender {
  name: string;
  address: string;
}

type AsyncResultLike<T> = { status: string; value: T; error?: { message?: string } };
type GetAsync<T> = { getAsync: (...args: unknown[]) => void } & { __value?: T };

/** Promise wrapper of an Office `getAsync(options?, callback)` call. */
function getAsync<T>(target: GetAsync<T>, ...options: unknown[]): Promise<T> {
  return new Promise((resolve, reject) => {
    target.getAsync(...options, (result: AsyncResultLike<T>) => {
      if (result.status === 'succeeded') resolve(result.value);
      else reject(new Error(result.error?.message ?? 'Office call failed'));
    });
  });
}

/** Dark when Office's body background is dark (relative luminance below one half). */
export function themeFromBackground(color: string | undefined): 'light' | 'dark' | null {
  const match = color ? /^#?([0-9a-f]{6})$/i.exec(color.trim()) : null;
  if (!match) return null;
  const n = parseInt(match[1], 16);
  const luminance = (0.2126 * ((n >> 16) & 255) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255)) / 255;
  return luminance < 0.5 ? 'dark' : 'light';
}

/** Reads the current compose item's subject and HTML body. */
async function readDraftOf(office: typeof Office): Promise<DraftContent> {
  const item = office.context?.mailbox?.item as Office.MessageCompose | undefined;
  if (!item?.subject || !item.body) throw new Error('No draft is open');
  const subject = await getAsync<string>(item.subject as unknown as GetAsync<string>);
  const html = await getAsync<string>(item.body as unknown as GetAsync<string>, 'html');
  return { subject, html };
}

/** Feature detection of a requirement set; false when the host cannot tell. */
function isSetSupported(office: typeof Office, name: string, version: string): boolean {
  try {
    return office.context?.requirements?.isSetSupported(name, version) === true;
  } catch {
    return false;
  }
}

/** The read item's `from` (a plain property on the read surface). */
function senderOf(office: typeof Office): Sender | null {
  const from = (office.context?.mailbox?.item as Office.MessageRead | undefined)?.from;
  const address = from?.emailAddress?.trim();
  return address ? { name: from?.displayName?.trim() || address, address } : null;
}

/** Adapts a ready Office object to the OfficeHost the pane uses. */
export function createOfficeHost(office: typeof Office, surface: Surface): OfficeHost {
  const context = office.context;
  const item = context?.mailbox?.item as Office.MessageCompose | undefined;
  return {
    surface,
    displayLanguage: context?.displayLanguage ?? null,
    theme: themeFromBackground(context?.officeTheme?.bodyBackgroundColor),
    canReadDraft: surface === 'compose' && typeof item?.subject?.getAsync === 'function',
    readDraft: () => readDraftOf(office),
    canSaveDraft: surface === 'compose' && canSaveDraftIn(office),
    saveDraft: () => saveDraftRestId(office),
    supportsNaa: isSetSupported(office, 'NestedAppAuth', '1.1'),
    openDialog: canOpenDialog(office) ? (url) => openDialog(office, url) : null,
    readSender: async () => (surface === 'read' ? senderOf(office) : null),
  };
}
