/** Where Outlook opened the pane: a message being written, one being read, or nowhere (local mode). */
export type Surface = 'compose' | 'read' | null;

/** The surface named by the page's `?surface=` parameter (set by the manifest), or null. */
export function readSurface(search: string): Surface {
  const value = new URLSearchParams(search).get('surface');
  return value === 'compose' || value === 'read' ? value : null;
}
