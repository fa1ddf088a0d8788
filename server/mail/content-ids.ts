/** The Content-IDs an HTML body refers to (`src="cid:logo@x"`), decoded as RFC 2392 asks. */
export function referencedContentIds(html: string): string[] {
  const ids = new Set<string>();
  for (const match of html.matchAll(/\bcid:([^"'\s)>]+)/gi)) {
    try {
      ids.add(decodeURIComponent(match[1]));
    } catch {
      ids.add(match[1]);
    }
  }
  return [...ids];
}
