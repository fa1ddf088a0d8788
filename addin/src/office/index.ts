// The only code that touches Office.js: loading it, reading the host's language and theme, the draft.
import { createOfficeHost, type OfficeHost } from './host';
import { loadOffice, presentOffice } from './loader';
import { readSurface, type Surface } from './surface';

export { type OfficeHost, type DraftContent, type Sender, themeFromBackground } from './host';
export { answerOpener, type DialogAnswer } from './dialog';
export { OFFICE_JS_URL } from './loader';
export { readSurface, type Surface } from './surface';

/**
 * Connects to Outlook when the page was opened by it (`?surface=`) or a `window.Office` is already
 * present; returns null in local mode, where nothing external is loaded.
 */
export async function connectOffice(search: string): Promise<OfficeHost | null> {
  const surface: Surface = readSurface(search);
  if (!surface && !presentOffice()) return null;
  try {
    const office = await loadOffice();
    return office ? createOfficeHost(office, surface) : null;
  } catch {
    return null;
  }
}
