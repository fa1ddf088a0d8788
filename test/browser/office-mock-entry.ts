// Bundled into the page by office-mock.ts: builds an Outlook compose item with office-addin-mock.
import { OfficeMockObject } from 'office-addin-mock';

/** What the mocked Outlook reports: the draft, the display language and the theme's background. */
export interface MockOutlook {
  subject: string;
  html: string;
  displayLanguage: string;
  bodyBackgroundColor: string;
  /** The read surface's sender (`item.from`); absent on compose. */
  from?: { displayName: string; emailAddress: string };
}

type Callback = (result: { status: string; value: unknown }) => void;

/** Calls the last argument (the Office callback) with a succeeded result. */
function succeed(value: unknown) {
  return (...args: unknown[]) => (args[args.length - 1] as Callback)({ status: 'succeeded', value });
}

/** Installs `window.Office` as an office-addin-mock object with host "outlook". */
export function installOfficeMock(data: MockOutlook): void {
  const calls: string[] = [];
  const office = new OfficeMockObject({
    host: 'outlook',
    onReady: () => Promise.resolve({ host: 'Outlook', platform: 'OfficeOnline' }),
    context: {
      displayLanguage: data.displayLanguage,
      officeTheme: { bodyBackgroundColor: data.bodyBackgroundColor },
      mailbox: {
        item: {
          subject: { getAsync: (...a: unknown[]) => (calls.push('subject'), succeed(data.subject)(...a)) },
          body: { getAsync: (...a: unknown[]) => (calls.push(`body:${String(a[0])}`), succeed(data.html)(...a)) },
          ...(data.from ? { from: data.from } : {}),
        },
      },
    },
  });
  Object.assign(window, { Office: office, __officeCalls: calls });
}
