// A pragmatic check of an addr-spec: what real mail servers accept, without quoted local parts.
const ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** True when the text is one plausible e-mail address. */
export function isValidAddress(text: string): boolean {
  return text.length <= 254 && ADDRESS.test(text) && !text.startsWith('.') && !text.includes('..') && !text.split('@')[0].endsWith('.');
}

/** The address trimmed, with a `mailto:` prefix and surrounding angle brackets removed. */
export function normaliseAddress(text: string): string {
  return text.trim().replace(/^mailto:/i, '').replace(/^<(.*)>$/, '$1').trim();
}
