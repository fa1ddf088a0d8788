import { describe, expect, it } from 'vitest';
import { NO_FILES, addSharedFile, messageFromTemplate, recipientChoiceOf, sharedFileOf } from './files';
import { addUploadedFile, discardStoredCopy, removeSharedFileOf, removeZipOf } from './uploads';

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
