// A pragmatic check of an addr-spec: what real mail servers accept, without quoted local parts.
const ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const SEPARATORS = /[;,]/;

/** True when the text is one plausible e-mail address. */
export function isValidAddress(text: string): boolean {
  return text.length <= 254 && ADDRESS.test(text) && !text.startsWith('.') && !text.includes('..') && !text.split('@')[0].endsWith('.');
}

/** The address trimmed, without a `mailto:` prefix, angle brackets or a display name (`Ayşe <a@b.tr>`). */
export function normaliseAddress(text: string): string {
  let t = text.trim();
  const open = t.lastIndexOf('<');
  if (t.endsWith('>') && open >= 0) t = t.slice(open + 1, -1);
  return t.trim().replace(/^mailto:/i, '').trim();
}

/**
 * The addresses in one cell: people put several in one (`a@x.tr; b@y.tr`, or with commas), so
 * the cell is split on `;` and `,`, each part normalised, empty parts dropped.
 */
export function splitAddresses(cell: string | number | boolean | null | undefined): string[] {
  if (cell === null || cell === undefined) return [];
  const text = String(cell);
  if (!SEPARATORS.test(text)) {
    const one = normaliseAddress(text);
    return one ? [one] : [];
  }
  const out: string[] = [];
  for (const part of text.split(SEPARATORS)) {
    const address = normaliseAddress(part);
    if (address) out.push(address);
  }
  return out;
}
