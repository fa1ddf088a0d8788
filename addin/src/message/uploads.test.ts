import { describe, expect, it } from 'vitest';
import { NO_FILES, addSharedFile, messageFromTemplate, recipientChoiceOf, sharedFileOf } from './files';
import { addUploadedFile, discardStoredCopy, removeSharedFileOf, removeZipOf, uploadEach, type FilesChange } from './uploads';

const PRICES = sharedFileOf({ id: 'f-prices', name: 'fiyatlar.pdf', contentType: 'application/pdf', size: 10_000 });
const LOGO = { fileId: 'f-logo', name: 'logo.png', contentType: 'image/png', size: 2048, contentId: 'logo', inline: true };
const ZIP = { id: 'set1', name: 'bordro.zip', totalSize: 5000, files: [], createdAt: '2026-03-01T08:00:00.000Z' };

describe("removing a message's files from the pane", () => {
  it('deletes the stored copy of a file uploaded for this message, once', () => {
    const files = addUploadedFile(NO_FILES, PRICES);
    expect(files).toEqual({ shared: [PRICES], perRecipient: null, uploaded: ['f-prices'] });
    expect(addUploadedFile(files, PRICES)).toBe(files);
    const removed = removeSharedFileOf(files, 'f-prices', []);
    expect(removed).toEqual({ files: { shared: [], perRecipient: null, uploaded: [] }, stored: { kind: 'file', id: 'f-prices' } });
    expect(removeSharedFileOf(removed.files, 'f-prices', []).stored).toBeNull();
  });

  it("keeps a library template's file on the server, and an upload the message was saved as a template with", () => {
    const template = messageFromTemplate(
      { id: 't1', ownerId: 'u', name: 'Davet', subject: 's', html: '<img src="cid:logo">', text: null, note: '', attachments: [LOGO], createdAt: '', updatedAt: '', lastSentAt: null },
      NO_FILES,
    );
    expect(removeSharedFileOf(template.files, 'f-logo', template.fromTemplate.fileIds)).toEqual({ files: { shared: [], perRecipient: null }, stored: null });
    // A file added without being uploaded here (the template's own) is never deleted.
    expect(removeSharedFileOf(addSharedFile(NO_FILES, LOGO), 'f-logo', []).stored).toBeNull();
    const uploaded = addUploadedFile(NO_FILES, PRICES);
    expect(removeSharedFileOf(uploaded, 'f-prices', ['f-prices']).stored).toBeNull();
  });

  it('deletes the stored copy of a removed zip', () => {
    const files = { ...addUploadedFile(NO_FILES, PRICES), perRecipient: recipientChoiceOf(ZIP) };
    expect(removeZipOf(files)).toEqual({ files: { shared: [PRICES], perRecipient: null, uploaded: ['f-prices'] }, stored: { kind: 'set', id: 'set1' } });
    expect(removeZipOf(NO_FILES).stored).toBeNull();
  });

  it('asks nothing of the server when there is no stored copy to delete', async () => {
    expect(await discardStoredCopy(null)).toBeNull();
  });
});

describe('uploading several files for everyone', () => {
  const file = (id: string) => sharedFileOf({ id, name: `${id}.pdf`, contentType: 'application/pdf', size: 100 });
  const A = file('f-a');
  const B = file('f-b');

  /** The message's files as the pane holds them, changed the way the Message step changes them. */
  function holder(start: typeof NO_FILES) {
    const state = { files: start };
    return { state, change: (apply: FilesChange) => void (state.files = apply(state.files)) };
  }

  it('adds each file to the files as they are when it arrives, keeping a remove and a zip from meanwhile', async () => {
    const held = holder(addUploadedFile(NO_FILES, PRICES));
    const arrivals: Array<() => void> = [];
    const started: string[] = [];
    const done = uploadEach(
      [A, B],
      (f) => new Promise((resolve) => arrivals.push(() => resolve(f))),
      held.change,
      (f) => started.push(f.fileId),
    );
    await Promise.resolve();
    expect(started).toEqual(['f-a']);
    // While A uploads, the user removes the price list and uploads a zip.
    held.change((current) => removeSharedFileOf(current, 'f-prices', []).files);
    held.change((current) => ({ ...current, perRecipient: recipientChoiceOf(ZIP) }));
    arrivals.shift()!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toEqual(['f-a', 'f-b']);
    arrivals.shift()!();
    await done;
    expect(held.state.files).toEqual({ shared: [A, B], perRecipient: recipientChoiceOf(ZIP), uploaded: ['f-a', 'f-b'] });
  });

  it('stops at a failed upload, keeping the files added before it', async () => {
    const held = holder(NO_FILES);
    const failure = new Error('too large');
    const upload = (f: typeof A) => (f === B ? Promise.reject(failure) : Promise.resolve(f));
    await expect(uploadEach([A, B, PRICES], upload, held.change)).rejects.toBe(failure);
    expect(held.state.files).toEqual({ shared: [A], perRecipient: null, uploaded: ['f-a'] });
  });
});
