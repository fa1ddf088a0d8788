import { simpleParser } from 'mailparser';

/** A file in a MIME message, described (its bytes are not kept). */
export interface ReadAttachment { name: string; contentType: string; size: number; inline: boolean; contentId: string | null }

/** Headers, bodies and attachments of a stored MIME message, decoded for display. */
export interface ReadMessage {
  headers: Array<{ name: string; value: string }>;
  html: string | null;
  text: string | null;
  attachments: ReadAttachment[];
}

/** Decodes a MIME message: every header line as sent (unfolded, decoded), the HTML and text bodies, and what is attached. */
export async function readMime(raw: Buffer): Promise<ReadMessage> {
  const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  const headers = parsed.headerLines.map((h) => {
    const colon = h.line.indexOf(':');
    return { name: h.line.slice(0, colon).trim(), value: decodeHeaderValue(parsed.headers.get(h.key), h.line.slice(colon + 1).trim()) };
  });
  const attachments = parsed.attachments.map((a) => ({
    name: a.filename ?? 'attachment',
    contentType: a.contentType,
    size: a.size,
    // Inline: an image the HTML shows through `cid:` (multipart/related), not a file to open.
    inline: a.related === true || a.contentDisposition === 'inline',
    contentId: a.cid ?? null,
  }));
  return { headers, html: typeof parsed.html === 'string' ? parsed.html : null, text: parsed.text ?? null, attachments };
}

function decodeHeaderValue(value: unknown, fallback: string): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'text' in value && typeof (value as { text: unknown }).text === 'string') return (value as { text: string }).text;
  if (value instanceof Date) return value.toUTCString();
  return fallback.replace(/\r?\n[ \t]+/g, ' ');
}
