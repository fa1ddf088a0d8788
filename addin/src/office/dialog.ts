import { loadOffice } from './loader';

const DIALOG_SIZE = { height: 60, width: 30, displayInIframe: false };

/** What the sign-in dialog page sends back to the pane: an access token, or why there is none. */
export type DialogAnswer = { token: string } | { error: string };

/** Whether the host can open an Office dialog (the sign-in fallback when NAA cannot be used). */
export function canOpenDialog(office: typeof Office): boolean {
  return typeof office.context?.ui?.displayDialogAsync === 'function';
}

/**
 * Opens `url` in an Office dialog and resolves with the first message it sends (JSON DialogAnswer);
 * rejects when the dialog cannot open or the user closes it.
 */
export function openDialog(office: typeof Office, url: string): Promise<DialogAnswer> {
  return new Promise((resolve, reject) => {
    office.context.ui.displayDialogAsync(url, DIALOG_SIZE, (opened) => {
      if (String(opened.status) !== 'succeeded') {
        reject(new Error(opened.error?.message ?? 'The sign-in dialog could not open'));
        return;
      }
      const dialog = opened.value;
      dialog.addEventHandler('dialogMessageReceived' as unknown as Office.EventType, (arg: unknown) => {
        dialog.close();
        const message = (arg as { message?: string }).message ?? '';
        try {
          resolve(JSON.parse(message) as DialogAnswer);
        } catch {
          reject(new Error('The sign-in dialog sent an unreadable answer'));
        }
      });
      dialog.addEventHandler('dialogEventReceived' as unknown as Office.EventType, () => reject(new Error('The sign-in dialog was closed')));
    });
  });
}

/** Inside the dialog page: loads Office.js and sends the answer to the pane that opened it. */
export async function answerOpener(answer: DialogAnswer): Promise<void> {
  const office = await loadOffice();
  office?.context?.ui?.messageParent(JSON.stringify(answer));
}
