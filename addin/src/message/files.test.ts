import { describe, expect, it } from 'vitest';
import type { SavedTemplate } from '../../../shared/api';
import {
  NO_FILES,
  addSharedFile,
  filesComplete,
  messageFromTemplate,
  messageRequestOf,
  recipientChoiceOf,
  recipientFilesOf,
  removeSharedFile,
  sharedBytes,
  sharedFileOf,
} from './files';

const LOGO = { fileId: 'f-logo', name: 'logo.png', contentType: 'image/png', size: 2048, contentId: 'logo', inline: true };
const TEMPLATE: SavedTemplate = {
  id: 't1',
  ownerId: 'u',
  name: 'Davet',
  subject: 'Merhaba {{firstName}}',
  html: '<p><img src="cid:logo"> Merhaba</p>',
  text: null,
  note: '',
  attachments: [LOGO],
  createdAt: '2026-03-01T08:00:00.000Z',
  updatedAt: '2026-03-01T08:00:00.000Z',
  lastSentAt: null,
};
const PRICES = sharedFileOf({ id: 'f-prices', name: 'fiyatlar.pdf', contentType: 'application/pdf', size: 10_000 });
const ZIP = { id: 'set1', name: 'belgeler.zip', totalSize: 5000, files: [], createdAt: '2026-03-01T08:00:00.000Z' };

describe('the files of a message', () => {
  it('adds an uploaded file once, removes it, and sums what every message carries', () => {
    const one = addSharedFile(NO_FILES, PRICES);
    expect(addSharedFile(one, PRICES).shared).toHaveLength(1);
    expect(sharedBytes(addSharedFile(one, LOGO))).toBe(12_048);
    expect(removeSharedFile(one, 'f-prices')).toEqual(NO_FILES);
  });

  it('needs the column naming each recipient\'s file before the message is complete', () => {
    const choice = recipientChoiceOf(ZIP);
    const columns = ['email', 'dosya', 'tckn'];
    expect(filesComplete(NO_FILES, columns)).toBe(true);
    expect(filesComplete({ shared: [], perRecipient: choice }, columns)).toBe(false);
    expect(recipientFilesOf(choice)).toBeUndefined();
    expect(filesComplete({ shared: [], perRecipient: { ...choice, column: 'dosya' } }, columns)).toBe(true);
    // Columns of a list chosen before are not this list's.
    expect(filesComplete({ shared: [], perRecipient: { ...choice, column: 'file' } }, columns)).toBe(false);
    expect(filesComplete({ shared: [], perRecipient: { ...choice, column: 'dosya', passwordColumn: 'pin' } }, columns)).toBe(false);
    expect(recipientFilesOf({ ...choice, column: 'dosya', passwordColumn: 'tckn', skipMissing: true })).toEqual({
      fileSetId: 'set1',
      column: 'dosya',
      passwordColumn: 'tckn',
      onMissing: 'skip',
    });
    expect(recipientFilesOf({ ...choice, column: 'dosya' })).toEqual({ fileSetId: 'set1', column: 'dosya', onMissing: 'refuse' });
  });
});

describe('the message part of a run or preview request', () => {
  it('sends a message typed in the pane inline, with its files by id', () => {
    const files = { shared: [PRICES], perRecipient: { ...recipientChoiceOf(ZIP), column: 'dosya' } };
    expect(messageRequestOf({ subject: 'S', html: '<p>H</p>', files, fromTemplate: null })).toEqual({
      template: { subject: 'S', html: '<p>H</p>' },
      attachments: [{ fileId: 'f-prices', inline: false }],
      recipientFiles: { fileSetId: 'set1', column: 'dosya', onMissing: 'refuse' },
    });
  });

  it('sends a template still as loaded by its id, with only the files added since', () => {
    const loaded = messageFromTemplate(TEMPLATE, NO_FILES);
    expect(loaded.files.shared).toEqual([LOGO]);
    expect(messageRequestOf(loaded)).toEqual({ templateId: 't1' });
    expect(messageRequestOf({ ...loaded, files: addSharedFile(loaded.files, PRICES) })).toEqual({
      templateId: 't1',
      attachments: [{ fileId: 'f-prices', inline: false }],
    });
  });

  it('sends an edited template inline, keeping its inline image with the Content-ID', () => {
    const loaded = messageFromTemplate(TEMPLATE, NO_FILES);
    expect(messageRequestOf({ ...loaded, subject: 'Selam {{firstName}}' })).toEqual({
      template: { subject: 'Selam {{firstName}}', html: TEMPLATE.html },
      attachments: [{ fileId: 'f-logo', contentId: 'logo', inline: true }],
    });
    expect(messageRequestOf({ ...loaded, files: removeSharedFile(loaded.files, 'f-logo') })).toEqual({
      template: { subject: TEMPLATE.subject, html: TEMPLATE.html },
    });
  });
});
