/** The Office.js URL Microsoft hosts; add-ins must load it from there, never bundle it. */
export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

const READY_TIMEOUT_MS = 10_000;

/** The global Office object if one is already on the page (Outlook's, or a test's mock). */
export function presentOffice(): typeof Office | null {
  const candidate = (globalThis as { Office?: typeof Office }).Office;
  return candidate ?? null;
}

/** Adds office.js's script tag and resolves once it has run. */
function injectOfficeScript(): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = OFFICE_JS_URL;
    script.async = true;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`Could not load ${OFFICE_JS_URL}`));
    document.head.appendChild(script);
  });
}

/** Resolves after Office.onReady (if the object has one), or after a timeout so the pane still starts. */
async function waitReady(office: typeof Office): Promise<void> {
  if (typeof office.onReady !== 'function') return;
  await Promise.race([
    Promise.resolve(office.onReady()).then(() => undefined),
    new Promise<void>((resolve) => setTimeout(resolve, READY_TIMEOUT_MS)),
  ]);
}

/**
 * Makes Office.js available: uses a `window.Office` that is already present, otherwise loads the
 * hosted script. Only called when Outlook opened the page; local mode never loads anything external.
 */
export async function loadOffice(): Promise<typeof Office | null> {
  let office = presentOffice();
  if (!office) {
    await injectOfficeScript();
    office = presentOffice();
  }
  if (!office) return null;
  await waitReady(office);
  return office;
}
