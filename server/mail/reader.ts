import { simpleParser } from 'mailparser';

/** Headers and bodies of a stored MIME message, decoded for display. */
export interface ReadMessage { headers: Array<{ name: string; value: string }>; html: string | null; text: string | null }

/** Decodes a MIME message: every header line as sent (unfolded, decoded) and the HTML and text bodies. */
export async function readMime(raw: Buffer): Promise<ReadMessage> {
  const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  const headers = parsed.headerLines.map((h) => {
    const colon = h.line.indexOf(':');
    return { name: h.line.slice(0, colon).trim(), value: decodeHeaderValue(parsed.headers.get(h.key), h.line.slice(colon + 1).trim()) };
  });
  return { headers, html: typeof parsed.html === 'string' ? parsed.html : null, text: parsed.text ?? null };
}

function decodeHeaderValue(value: unknown, fallback: string): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'text' in value && typeof (value as { text: unknown }).text === 'string') return (value as { text: string }).text;
  if (value instanceof Date) return value.toUTCString();
  return fallback.replace(/\r?\n[ \t]+/g, ' ');
}
