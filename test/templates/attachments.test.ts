import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Delivery, FileSet, PreviewResponse, Run } from '../../shared/api';
import { startTestServer, type TestServer } from '../support/server';
import { messageTo, newFolder, openPdf, pdfFor, postBytes, sentMessages, zipOf } from './support';

// The list names files as people type them: other case, composed where the zip (made on a Mac) is
// decomposed, Turkish dotless ı where the file has I, a folder the zip does not have.
const STAFF = [
  'name;email;payslip;tc',
  'Şükrü Öztürk;sukru@example.com;şükrü öztürk.PDF;12345678901',
  'Żaneta Gąsiorowska;zaneta@example.com;ŻANETA GĄSIOROWSKA.pdf;pl-secret',
  'Işık Yıldız;isik@example.com;C:\\exports\\ışık yıldız.pdf;s3cret',
  'Ayşe Kaya;ayse@example.com;Ayşe Kaya.pdf;a1',
].join('\n');

describe('attachments: per-recipient files from a zip, password-protected PDFs, shared files and inline images', () => {
  let s: TestServer;
  let staffId: string;
  let setId: string;
  const pdfs: Record<string, Uint8Array> = {};
  beforeAll(async () => {
    s = await startTestServer();
    staffId = (await s.upload('staff.csv', STAFF)).body.id;
    for (const who of ['sukru', 'zaneta', 'isik', 'ayse']) pdfs[who] = await pdfFor(`marker-${who}`);
    const zip = zipOf({
      'payslips/2026-05/Şükrü Öztürk.pdf': pdfs.sukru,
      'payslips/2026-05/Żaneta Gąsiorowska.pdf': pdfs.zaneta,
      'payslips/2026-05/IŞIK YILDIZ.pdf': pdfs.isik,
      ['payslips/2026-05/Ayşe Kaya.pdf'.normalize('NFD')]: pdfs.ayse,
      '__MACOSX/payslips/._Ayşe Kaya.pdf': 'resource fork',
      'payslips/.DS_Store': 'finder',
    });
    const up = await postBytes(s, '/api/files/zip?fileName=payslips-2026-05.zip', zip);
    expect(up.status).toBe(201);
    const set = FileSet.parse(up.body);
    expect(set.files.map((f) => f.name).sort()).toEqual(['Ayşe Kaya.pdf'.normalize('NFD'), 'IŞIK YILDIZ.pdf', 'Şükrü Öztürk.pdf', 'Żaneta Gąsiorowska.pdf'].sort());
    expect(set.files.every((f) => f.contentType === 'application/pdf')).toBe(true);
    setId = set.id;
    expect(FileSet.parse((await s.api('GET', `/api/files/sets/${setId}`)).body)).toEqual(set);
  });
  afterAll(async () => {
    await s.close();
  });

  it('sends each person their own file from the zip, matched ignoring case, normalisation, Turkish i and folders', async () => {
    const folderId = await newFolder(s, 'Payslips plain');
    const created = await s.api('POST', '/api/runs', {
      listId: staffId, folderId, template: { subject: 'Payslip {{name}}', html: '<p>Attached, {{name}}.</p>' },
      recipientFiles: { fileSetId: setId, column: 'payslip' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(Run.parse(await s.waitForRun(created.body.id)).counts.sent).toBe(4);
    const messages = await sentMessages(s, folderId);
    for (const [who, address] of [['sukru', 'sukru@example.com'], ['zaneta', 'zaneta@example.com'], ['isik', 'isik@example.com'], ['ayse', 'ayse@example.com']]) {
      const files = messageTo(messages, address).attachments;
      expect(files).toHaveLength(1);
      expect(files[0].contentType).toBe('application/pdf');
      expect(Buffer.from(files[0].content).equals(Buffer.from(pdfs[who])), `${address} got someone else's file`).toBe(true);
    }
    expect(messageTo(messages, 'sukru@example.com').attachments[0].filename).toBe('Şükrü Öztürk.pdf');
  });

  it("protects each PDF with the row's password: qpdf opens it with that password and not without", async () => {
    const folderId = await newFolder(s, 'Payslips protected');
    const created = await s.api('POST', '/api/runs', {
      listId: staffId, folderId, template: { subject: 'Payslip', html: '<p>Your password is your ID number.</p>' },
      recipientFiles: { fileSetId: setId, column: 'payslip', passwordColumn: 'tc' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(Run.parse(await s.waitForRun(created.body.id)).counts.sent).toBe(4);
    const messages = await sentMessages(s, folderId);
    for (const [who, address, password] of [['sukru', 'sukru@example.com', '12345678901'], ['zaneta', 'zaneta@example.com', 'pl-secret'], ['isik', 'isik@example.com', 's3cret']]) {
      const bytes = messageTo(messages, address).attachments[0].content;
      expect(Buffer.from(bytes).includes(`marker-${who}`)).toBe(false);
      const locked = openPdf(bytes);
      expect(locked.ok).toBe(false);
      expect(locked.ok ? '' : locked.error).toMatch(/password/i);
      expect(openPdf(bytes, 'wrong').ok).toBe(false);
      const opened = openPdf(bytes, password);
      expect(opened.ok).toBe(true);
      expect(opened.ok && opened.text).toContain(`marker-${who}`);
    }
  });

  it("sends a test message with the previewed row's file, protected as its recipient will get it", async () => {
    const res = await s.api('POST', '/api/test-message', {
      listId: staffId, template: { subject: 'Payslip', html: '<p>x</p>' }, recipientFiles: { fileSetId: setId, column: 'payslip', passwordColumn: 'tc' }, rowIndex: 1, to: 'me@example.org',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const raw = Buffer.from(await (await fetch(`${s.url}/api/mailbox/messages/${encodeURIComponent(res.body.messageId)}/raw`)).arrayBuffer());
    const [file] = (await simpleParser(raw)).attachments;
    expect(file.filename).toBe('Żaneta Gąsiorowska.pdf');
    expect(openPdf(file.content).ok).toBe(false);
    const opened = openPdf(file.content, 'pl-secret');
    expect(opened.ok && opened.text).toContain('marker-zaneta');
  });

  it('lists rows whose file is missing before anything is sent, or skips them with MISSING_ATTACHMENT when asked', async () => {
    const list = (await s.upload('missing.csv', 'name;email;payslip\nŞükrü;sukru@example.com;Şükrü Öztürk.pdf\nNobody;nobody@example.com;nobody.pdf\nBlank;blank@example.com;\n')).body;
    const runsBefore = (await s.api('GET', '/api/runs')).body.runs.length;
    const template = { subject: 'Payslip', html: '<p>x</p>' };
    const refused = await s.api('POST', '/api/runs', { listId: list.id, template, recipientFiles: { fileSetId: setId, column: 'payslip' } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.code).toBe('MISSING_ATTACHMENT');
    expect(refused.body.error.details.rows.map((r: { rowIndex: number; to: string }) => [r.rowIndex, r.to])).toEqual([[1, 'nobody@example.com'], [2, 'blank@example.com']]);
    expect(refused.body.error.message).toContain('"nobody.pdf" is not in payslips-2026-05.zip');
    expect((await s.api('GET', '/api/runs')).body.runs).toHaveLength(runsBefore);

    const preview = PreviewResponse.parse((await s.api('POST', '/api/preview', { listId: list.id, template, recipientFiles: { fileSetId: setId, column: 'payslip' }, rowIndex: 1 })).body);
    expect(preview.warningRows).toEqual([1, 2]);
    expect(preview.rowWarnings).toEqual([{ code: 'MISSING_ATTACHMENT', field: 'payslip', message: '"nobody.pdf" is not in payslips-2026-05.zip.' }]);

    const folderId = await newFolder(s, 'Skip missing');
    const skipped = await s.api('POST', '/api/runs', { listId: list.id, folderId, template, recipientFiles: { fileSetId: setId, column: 'payslip', onMissing: 'skip' } });
    expect(skipped.status).toBe(201);
    const run = Run.parse(await s.waitForRun(skipped.body.id));
    expect(run.counts).toMatchObject({ sent: 1, skipped: 2 });
    const deliveries = (await s.api('GET', `/api/runs/${run.id}/deliveries`)).body.deliveries.map((d: unknown) => Delivery.parse(d));
    expect(deliveries.filter((d: Delivery) => d.status === 'skipped').map((d: Delivery) => [d.to, d.reason])).toEqual([
      ['nobody@example.com', 'MISSING_ATTACHMENT'], ['blank@example.com', 'MISSING_ATTACHMENT'],
    ]);
    expect((await sentMessages(s, folderId)).map((m) => m.attachments.length)).toEqual([1]);
  });

  it('refuses to protect with an empty password, or a file that is not a PDF', async () => {
    const zip = await postBytes(s, '/api/files/zip?fileName=mixed.zip', zipOf({ 'a.pdf': pdfs.sukru, 'b.txt': 'not a pdf' }));
    const list = (await s.upload('mixed.csv', 'email;file;pw\na@example.com;a.pdf;\nb@example.com;b.txt;secret\n')).body;
    const res = await s.api('POST', '/api/runs', {
      listId: list.id, template: { subject: 's', html: '<p>x</p>' }, recipientFiles: { fileSetId: zip.body.id, column: 'file', passwordColumn: 'pw', onMissing: 'skip' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.rows.map((r: { to: string; warnings: Array<{ code: string }> }) => [r.to, r.warnings.map((w) => w.code)])).toEqual([
      ['a@example.com', ['EMPTY_PASSWORD']], ['b@example.com', ['NOT_A_PDF']],
    ]);
  });

  it('checks columns the files and passwords come from like template fields', async () => {
    const res = await s.api('POST', '/api/runs', { listId: staffId, template: { subject: 's', html: 'x' }, recipientFiles: { fileSetId: setId, column: 'paysilp', passwordColumn: 'TC' } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('UNKNOWN_FIELDS');
    expect(res.body.error.details.unknownFields).toEqual([{ field: 'paysilp', suggestion: 'payslip' }, { field: 'TC', suggestion: 'tc' }]);
  });

  it('keeps inline images inline (multipart/related with their Content-ID) and other files as attachments', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    const terms = (await postBytes(s, '/api/files?fileName=Koşullar.pdf', pdfs.ayse)).body;
    const folderId = await newFolder(s, 'Inline');
    const created = await s.api('POST', '/api/runs', {
      listId: staffId, folderId, template: { subject: 'Logo', html: '<p>{{name}}</p><img src="cid:logo@firm.example" alt="logo">' },
      attachments: [
        { name: 'logo.png', contentType: 'image/png', contentId: '<logo@firm.example>', contentBase64: png.toString('base64') },
        // Outlook gives every attachment of a draft a Content-ID; a file that is not inline stays a file.
        { fileId: terms.id, contentId: 'terms@firm.example', inline: false },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await s.waitForRun(created.body.id);
    const raw = await (await fetch(`${s.url}/api/mailbox/messages/${(await s.api('GET', `/api/mailbox/folders/${folderId}/messages`)).body.messages[0].id}/raw`)).text();
    expect(raw).toMatch(/Content-Type: multipart\/related/i);
    expect(raw).toMatch(/Content-Id: <logo@firm\.example>/i);
    const m = messageTo(await sentMessages(s, folderId), 'sukru@example.com');
    const logo = m.attachments.find((a) => a.filename === 'logo.png')!;
    expect(logo).toMatchObject({ contentId: '<logo@firm.example>', contentDisposition: 'inline', related: true });
    expect(Buffer.from(logo.content).equals(png)).toBe(true);
    const file = m.attachments.find((a) => a.filename === 'Koşullar.pdf')!;
    expect(file.contentDisposition).toBe('attachment');
    expect(file.related).toBeFalsy();
    // The body still refers to the image by Content-ID (mailparser swaps in a data: URL when it reads it).
    expect(raw).toMatch(/src=(3D)?"cid:logo@firm\.example"/);
    expect(m.html).toContain(`src="data:image/png;base64,${png.toString('base64')}"`);
  });

  it('refuses files that together exceed the mailbox message limit, saying which and by how much', async () => {
    const big = (await postBytes(s, '/api/files?fileName=video.mp4', new Uint8Array(20 * 1024 * 1024))).body;
    const more = (await postBytes(s, '/api/files?fileName=slides.pptx', new Uint8Array(8 * 1024 * 1024))).body;
    const res = await s.api('POST', '/api/runs', { listId: staffId, template: { subject: 's', html: 'x' }, attachments: [{ fileId: big.id }, { fileId: more.id }] });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(res.body.error.message).toContain('video.mp4 20.0 MB, slides.pptx 8.0 MB');
    expect(res.body.error.message).toContain('at most 35.0 MB');
  });

  it('refuses a zip it cannot use, saying why', async () => {
    const notZip = await postBytes(s, '/api/files/zip?fileName=payslips.zip', Buffer.from('%PDF-1.7 not a zip'));
    expect(notZip.status).toBe(422);
    expect(notZip.body.error.message).toContain('not a zip file');
    const clash = await postBytes(s, '/api/files/zip?fileName=clash.zip', zipOf({ 'may/ali.pdf': 'a', 'june/ALI.pdf': 'b' }));
    expect(clash.status).toBe(422);
    expect(clash.body.error.message).toContain('may/ali.pdf / june/ALI.pdf');
  });
});
