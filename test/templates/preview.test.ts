import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PreviewResponse, SavedTemplate } from '../../shared/api';
import { startTestServer, type TestServer } from '../support/server';
import { postBytes, zipOf } from './support';

const STAFF = [
  'firstName;email;title;file;amount',
  'Şükrü;sukru@example.com;Dr.;sukru.pdf;1234.5',
  'Ann;ann@example.com;;ann.pdf;10',
  'Ola;ola@example.com;Ms.;missing.pdf;20',
  'Jan;jan@example.com;Mr.;jan.pdf;30',
  ';nameless@example.com;;nameless.pdf;40',
].join('\n');

describe('preview: any row, run-level fields, and the rows with warnings to jump between', () => {
  let s: TestServer;
  let listId: string;
  let fileSetId: string;
  beforeAll(async () => {
    s = await startTestServer();
    listId = (await s.upload('staff.csv', STAFF)).body.id;
    fileSetId = (await postBytes(s, '/api/files/zip?fileName=files.zip', zipOf({ 'sukru.pdf': '%PDF-1.4 a', 'ann.pdf': '%PDF-1.4 b', 'jan.pdf': '%PDF-1.4 c', 'nameless.pdf': '%PDF-1.4 d' }))).body.id;
  });
  afterAll(async () => {
    await s.close();
  });

  const template = { subject: '{{referenceNumber}} for {{firstName}}', html: '<p>Dear {{title}} {{firstName}}: {{amount}} on {{runDate}}</p>' };
  const preview = async (rowIndex: number, extra: Record<string, unknown> = {}) => {
    const res = await s.api('POST', '/api/preview', { listId, template, recipientFiles: { fileSetId, column: 'file' }, rowIndex, ...extra });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return PreviewResponse.parse(res.body);
  };

  it('lists every row with an empty field or a missing file, and says what is wrong with the one shown', async () => {
    const first = await preview(0);
    expect(first.warningRows).toEqual([1, 2, 4]);
    expect(first.rowWarnings).toEqual([]);
    expect(first.attachments).toEqual([{ name: 'sukru.pdf', contentType: 'application/pdf', size: 10, inline: false, protected: false }]);
    const ann = await preview(1);
    expect(ann.rowWarnings).toEqual([{ code: 'EMPTY_FIELD', field: 'title', message: '{{title}} is empty.' }]);
    const ola = await preview(2);
    expect(ola.rowWarnings).toEqual([{ code: 'MISSING_ATTACHMENT', field: 'file', message: '"missing.pdf" is not in files.zip.' }]);
    expect(ola.attachments).toEqual([]);
    const nameless = await preview(4);
    expect(nameless.rowWarnings?.map((w) => w.field)).toEqual(['firstName', 'title']);
    expect(nameless.analysis.emptyPerField).toEqual([{ field: 'firstName', count: 1 }, { field: 'title', count: 2 }]);
  });

  it('merges run-level fields and the locale as the run will, and marks files to be protected', async () => {
    const shown = await preview(0, { options: { locale: 'pl-PL', timeZone: 'Europe/Warsaw' }, recipientFiles: { fileSetId, column: 'file', passwordColumn: 'amount' } });
    expect(shown.subject).toMatch(/^R-\d{4}-000001 for Şükrü$/);
    // Polish groups thousands with a no-break space.
    expect(shown.html).toMatch(/1\s234,5 on \d{2}\.\d{2}\.\d{4}<\/p>$/);
    expect(shown.attachments?.[0].protected).toBe(true);
    // The next recipient shows the next reference: one per delivery, in plan order.
    expect((await preview(1)).subject).toMatch(/^R-\d{4}-000002 for Ann$/);
  });

  it('previews a library template by id', async () => {
    const saved = SavedTemplate.parse((await s.api('POST', '/api/templates', { name: 'Statement', subject: 'Statement for {{firstName}}', html: '<p>{{amount}}</p>' })).body);
    const res = await s.api('POST', '/api/preview', { listId, templateId: saved.id, rowIndex: 3 });
    expect(PreviewResponse.parse(res.body)).toMatchObject({ to: 'jan@example.com', subject: 'Statement for Jan', html: '<p>30</p>' });
  });
});

describe('preview of an audience: its recipients, and the fields it adds', () => {
  let s: TestServer;
  let listId: string;
  beforeAll(async () => {
    s = await startTestServer();
    const csv = ['firstName,work,home,hired', 'Ayşe,ayse@firma.example,,10.03.2016', 'Borys,borys@firma.example,borys@dom.example,11.03.2020', 'Ceren,,ceren@ev.example,10.03.2021'].join('\n');
    listId = (await s.upload('staff.csv', csv, { emailColumn: 'work' })).body.id;
  });
  afterAll(async () => {
    await s.close();
  });

  const anniversary = { filter: { type: 'workAnniversaryToday', field: 'hired' }, runDate: '2026-03-10', timeZone: 'Europe/Istanbul', addressColumns: ['work', 'home'] };
  const template = { subject: '{{yearsOfService}} yıl, {{firstName}}', html: '<p>{{yearsOfService}}</p>' };

  it('goes through the people the run would reach, with {{yearsOfService}} known and merged, to the address they get', async () => {
    const res = await s.api('POST', '/api/preview', { listId, template, audience: anniversary, rowIndex: 1 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const p = PreviewResponse.parse(res.body);
    expect(p.analysis.unknownFields).toEqual([]);
    expect(p.total).toBe(2);
    expect([p.to, p.subject]).toEqual(['ceren@ev.example', '5 yıl, Ceren']);
    const first = PreviewResponse.parse((await s.api('POST', '/api/preview', { listId, template, audience: anniversary })).body);
    expect([first.to, first.subject]).toEqual(['ayse@firma.example', '10 yıl, Ayşe']);
  });

  it('without the audience the field is unknown, as it would be in a run without the rule; nobody today shows the list', async () => {
    const plain = PreviewResponse.parse((await s.api('POST', '/api/preview', { listId, template })).body);
    expect(plain.analysis.unknownFields.map((f) => f.field)).toEqual(['yearsOfService']);
    expect(plain.total).toBe(3);
    const nobody = PreviewResponse.parse((await s.api('POST', '/api/preview', { listId, template, audience: { ...anniversary, runDate: '2026-03-12' } })).body);
    expect(nobody.total).toBe(3);
    expect(nobody.analysis.unknownFields).toEqual([]);
  });

  it('sends the test message to the recipient shown', async () => {
    const res = await s.api('POST', '/api/test-message', { listId, template, audience: anniversary, rowIndex: 1, to: 'me@example.org' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });
});
