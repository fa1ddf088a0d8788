type SaveResult = { status: string | Office.AsyncResultStatus; value?: string; error?: { message?: string } };
type Saveable = { saveAsync?: (callback: (result: SaveResult) => void) => void };

/** The REST API version Graph reads ids in (`Office.MailboxEnums.RestVersion.v2_0`). */
const REST_V2 = 'v2.0';

/** Whether the compose item can be saved and its id converted for the server (Mailbox 1.3+). */
export function canSaveDraftIn(office: typeof Office): boolean {
  const mailbox = office.context?.mailbox;
  const item = mailbox?.item as Saveable | undefined;
  return typeof item?.saveAsync === 'function' && typeof mailbox?.convertToRestId === 'function';
}

/**
 * Saves the draft being written (Outlook stores it in the Drafts folder) and returns its REST id,
 * the form the server's `POST /api/templates/from-draft` reads through Graph. `saveAsync` answers
 * with an EWS id, hence the conversion.
 */
export function saveDraftRestId(office: typeof Office): Promise<string> {
  const mailbox = office.context?.mailbox;
  const item = mailbox?.item as Saveable | undefined;
  if (!mailbox || !item?.saveAsync || !canSaveDraftIn(office)) return Promise.reject(new Error('No draft is open'));
  const save = item.saveAsync.bind(item);
  return new Promise((resolve, reject) => {
    save((result) => {
      if (String(result.status) !== 'succeeded' || !result.value) {
        reject(new Error(result.error?.message || 'Outlook did not save the draft'));
        return;
      }
      const version = (office.MailboxEnums?.RestVersion?.v2_0 ?? REST_V2) as Office.MailboxEnums.RestVersion;
      try {
        resolve(mailbox.convertToRestId(result.value, version));
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  });
}
