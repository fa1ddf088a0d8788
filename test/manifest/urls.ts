/**
 * The URLs an add-in manifest makes Outlook load from our own origin. The manifest test checks
 * that each maps to a file the server serves; the server test fetches each one from a running
 * server, so a renamed icon or page breaks a test instead of a sideload.
 */
import { parseXml, walk } from './xml';

/** The origin every manifest URL uses: the documented sideloading origin. */
export const ADDIN_ORIGIN = 'https://localhost:3000';

/** Attributes whose values are URLs in the XML manifest (DefaultValue on URL settings and resources, Value on their overrides). */
const URL_ATTRIBUTES = ['DefaultValue', 'Value'];

/**
 * Every distinct URL under ADDIN_ORIGIN in a manifest, in document order, exactly as written
 * (query included, entities decoded). Other origins (AppDomains, identity providers) are left
 * out: they are not ours to serve.
 */
export function manifestUrls(xmlText: string): string[] {
  const seen = new Set<string>();
  const prefix = `${ADDIN_ORIGIN}/`;
  for (const { element } of walk(parseXml(xmlText))) {
    const candidates = [...URL_ATTRIBUTES.map((name) => element.attrs[name]), element.text];
    for (const value of candidates) {
      if (value !== undefined && value.startsWith(prefix)) seen.add(value);
    }
  }
  return [...seen];
}

/** The path part of a manifest URL (`/assets/icon-16.png`), without query or fragment. */
export function urlPath(url: string): string {
  return new URL(url).pathname;
}
