import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody, SavedTemplate, TemplateFromDraftResponse } from '../../shared/api';
import { AppError } from '../../server/errors';
import { readFileBytes } from '../../server/store/files';
import { createTemplateFromDraft } from '../../server/services/draft-templates';
import { startGraphHarness, type GraphHarness } from '../graph/harness';
import { startTestServer, type TestServer } from '../support/server';

// A 1×1 transparent PNG, as an Outlook signature carries it.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n% Şükrü Öztürk — bordro\n%%EOF\n', 'utf8');

const file = (name: string, contentType: string, bytes: Buffer, extra: Record<string, unknown> = {}) => ({
  '@odata.type': '#microsoft.graph.fileAttachment', name, contentType, contentBytes: bytes.toString('base64'), ...extra,
});

/** What Outlook saves for a greeting written in the compose window: a signature logo inline, a PDF, a forwarded item and a cloud link. */
const OUTLOOK_DRAFT = {
  subject: 'Doğum gününüz kutlu olsun, {{firstName}}',
  body: { contentType: 'html', content: '<p>Sevgili {{firstName}},</p><p><img src="cid:logo@contoso"></p>' },
  toRecipients: [{ emailAddress: { address: 'hr@contoso.test' } }],
  attachments: [
    file('logo.png', 'image/png', PNG, { isInline: true, contentId: 'logo@contoso' }),
    file('Bordro açıklaması.pdf', 'application/pdf', PDF),
    { '@odata.type': '#microsoft.graph.itemAttachment', name: 'Agenda', item: { '@odata.type': '#microsoft.graph.message', subject: 'Agenda' } },
    { '@odata.type': '#microsoft.graph.referenceAttachment', name: 'Budget.xlsx', sourceUrl: 'https://contoso.sharepoint.com/Budget.xlsx' },
  ],
};

describe('a template from the Outlook draft (Microsoft 365)', () => {
  let h: GraphHarness;
  beforeAll(async () => {
    h = await startGraphHarness({ provider: { draftVisibleDelaysMs: [20, 40, 80, 160, 320] } });
  });
  afterAll(async () => {
    await h.close();
  });

  it('waits until the saved draft is visible, then keeps subject, HTML, files and inline images; items and links are reported', async () => {
    // Classic Outlook in cached mode: saveAsync has returned, but Exchange has not got the item yet.
    const saved = h.emulator.saveOutlookDraft(h.user.id, OUTLOOK_DRAFT, { syncLagMs: 120 });
    const result = TemplateFromDraftResponse.parse(await createTemplateFromDraft(h.db, h.user.id, h.mailbox, { itemId: saved.restId }));

    const t = result.template;
    expect(t).toMatchObject({ name: OUTLOOK_DRAFT.subject, subject: OUTLOOK_DRAFT.subject, html: OUTLOOK_DRAFT.body.content, ownerId: h.user.id });
    expect(t.attachments).toEqual([
      { fileId: expect.any(String), name: 'logo.png', contentType: 'image/png', size: PNG.length, contentId: 'logo@contoso', inline: true },
      { fileId: expect.any(String), name: 'Bordro açıklaması.pdf', contentType: 'application/pdf', size: PDF.length, contentId: null, inline: false },
    ]);
    expect(readFileBytes(h.db, t.attachments[1].fileId)?.equals(PDF)).toBe(true);
    expect(result.skipped).toEqual([{ name: 'Agenda', kind: 'itemAttachment' }, { name: 'Budget.xlsx', kind: 'referenceAttachment' }]);
  });

  it('keeps an image the body shows through cid: inline even when Graph says isInline: false', async () => {
    const saved = h.emulator.saveOutlookDraft(h.user.id, {
      subject: 'İmza', body: { contentType: 'html', content: '<p>Merhaba</p><img src="CID:Logo@Contoso">' },
      attachments: [file('logo.png', 'image/png', PNG, { isInline: false, contentId: 'logo@contoso' }), file('notes.txt', 'text/plain', Buffer.from('x'), { contentId: 'unused@contoso' })],
    });
    const { template } = await createTemplateFromDraft(h.db, h.user.id, h.mailbox, { itemId: saved.restId, name: 'Signature' });
    expect(template.attachments.map((a) => [a.name, a.inline, a.contentId])).toEqual([['logo.png', true, 'logo@contoso'], ['notes.txt', false, null]]);
  });

  it('numbers the name when the subject is taken, and takes a given name as it is', async () => {
    const first = h.emulator.saveOutlookDraft(h.user.id, { subject: 'Duyuru', body: { contentType: 'text', content: 'Merhaba\n<b>herkes</b>' } });
    const a = await createTemplateFromDraft(h.db, h.user.id, h.mailbox, { itemId: first.restId });
    const b = await createTemplateFromDraft(h.db, h.user.id, h.mailbox, { itemId: first.restId });
    expect([a.template.name, b.template.name]).toEqual(['Duyuru', 'Duyuru (2)']);
    // A plain-text draft becomes escaped HTML with its line breaks.
    expect(a.template.html).toBe('<div>Merhaba<br>&lt;b&gt;herkes&lt;/b&gt;</div>');
    const named = await createTemplateFromDraft(h.db, h.user.id, h.mailbox, { itemId: first.restId, name: 'Ekim duyurusu' });
    expect(named.template.name).toBe('Ekim duyurusu');
  });

  it('gives up with DRAFT_NOT_FOUND when the draft never shows up, saving nothing', async () => {
    const before = h.db.prepare('SELECT COUNT(*) AS n FROM templates').get() as { n: number };
    const missing = h.emulator.saveOutlookDraft(h.user.id, OUTLOOK_DRAFT, { syncLagMs: 60_000 });
    const err = await createTemplateFromDraft(h.db, h.user.id, h.mailbox, { itemId: missing.restId }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('DRAFT_NOT_FOUND');
    expect((err as AppError).message).toMatch(/not in your mailbox yet/);
    expect(h.db.prepare('SELECT COUNT(*) AS n FROM templates').get()).toEqual(before);
  });

  it('reads only the signed-in person\'s own mailbox: another user\'s draft id is not found', async () => {
    const other = h.emulator.addUser({ userPrincipalName: 'megan@contoso.test', displayName: 'Megan Bowen' });
    const theirs = h.emulator.saveOutlookDraft(other.id, OUTLOOK_DRAFT);
    const err = await createTemplateFromDraft(h.db, h.user.id, h.mailbox, { itemId: theirs.restId }).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('DRAFT_NOT_FOUND');
  });
});

describe('POST /api/templates/from-draft', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    await s.close();
  });

  it('says the local mailbox has no Outlook drafts (409 DRAFT_UNAVAILABLE) and saves nothing', async () => {
    const res = await s.api('POST', '/api/templates/from-draft', { itemId: 'AAMkAGI2TG93AAA=' });
    expect(res.status).toBe(409);
    expect(ErrorBody.parse(res.body).error).toMatchObject({ code: 'DRAFT_UNAVAILABLE', details: { provider: 'local' } });
    expect((await s.api('GET', '/api/templates')).body.templates).toEqual([]);
  });

  it('refuses an id that is not an Outlook item id, naming the field', async () => {
    const res = await s.api('POST', '/api/templates/from-draft', { itemId: 'x"; DROP TABLE' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('itemId');
  });

  it('leaves the library as it was', async () => {
    const created = await s.api('POST', '/api/templates', { name: 'From scratch', subject: 'Hi', html: '<p>Hi</p>' });
    expect(SavedTemplate.parse(created.body).name).toBe('From scratch');
  });
});
