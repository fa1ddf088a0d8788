import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Run } from '../../shared/api';
import { startTestServer, type TestServer } from '../support/server';
import { messageTo, newFolder, sentMessages } from './support';

const PEOPLE = [
  'firstName;lastName;title;email;amount;x',
  'Şükrü;Öztürk;Dr.;sukru@example.com;1234.5;<b>boom</b>',
  'Ann;"<script>alert(1)</script> {{{x}}} {{x}}";;ann@example.com;99;<b>boom</b>',
  'Ярослав;Дьяченко;;yaroslav@example.com;7;',
  '"Evil\r\nBcc: victim@example.com";Header;;evil@example.com;0;',
].join('\r\n');

/** Today's date in a time zone, as a locale writes it; both ends of the test, in case midnight passes. */
function todayIn(timeZone: string, locale: string): string[] {
  const format = () => new Date().toLocaleDateString(locale, { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return [format(), format()];
}

describe('merging: escaping, missing fields, conditionals and run-level fields', () => {
  let s: TestServer;
  let listId: string;
  beforeAll(async () => {
    s = await startTestServer();
    listId = (await s.upload('people.csv', PEOPLE)).body.id;
  });
  afterAll(async () => {
    await s.close();
  });

  async function send(body: Record<string, unknown>, folder: string) {
    const folderId = await newFolder(s, folder);
    const created = await s.api('POST', '/api/runs', { listId, folderId, ...body });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const run = Run.parse(await s.waitForRun(created.body.id));
    return { run, messages: await sentMessages(s, folderId) };
  }

  it('keeps values inert: markup is escaped, mustache in the data is never merged, a line break cannot add a header', async () => {
    const { messages } = await send({ template: { subject: 'Hello {{firstName}}', html: '<p>{{firstName}} {{lastName}}</p>' } }, 'Escaping');
    const ann = messageTo(messages, 'ann@example.com');
    expect(ann.html).toContain('&lt;script&gt;alert(1)&lt;&#x2F;script&gt; {{{x}}} {{x}}');
    expect(ann.html).not.toContain('<script>');
    expect(ann.html).not.toContain('boom');
    expect(ann.text).toContain('<script>alert(1)</script> {{{x}}} {{x}}');
    const evil = messageTo(messages, 'evil@example.com');
    expect(evil.subject).toBe('Hello Evil Bcc: victim@example.com');
    expect(evil.bcc).toBeUndefined();
    expect(evil.headers.has('bcc')).toBe(false);
  });

  it('never writes "Dear ,": a section chooses the greeting when a field is empty', async () => {
    const html = '<p>{{#title}}Dear {{title}} {{lastName}},{{/title}}{{^title}}Dear {{firstName}},{{/title}}</p>';
    const { messages } = await send({ template: { subject: 'Greeting', html } }, 'Conditionals');
    expect(messageTo(messages, 'sukru@example.com').html).toContain('Dear Dr. Öztürk,');
    expect(messageTo(messages, 'yaroslav@example.com').html).toContain('Dear Ярослав,');
    for (const m of messages) expect(m.html).not.toMatch(/Dear\s*,/);
  });

  it('refuses unknown fields before anything is sent, suggesting the column or run field meant', async () => {
    const res = await s.api('POST', '/api/runs', { listId, template: { subject: '{{runDat}}', html: '<p>{{frstName}} {{senderName}}</p>' } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('UNKNOWN_FIELDS');
    expect(res.body.error.details.unknownFields).toEqual([
      { field: 'runDat', suggestion: 'runDate' },
      { field: 'frstName', suggestion: 'firstName' },
    ]);
    expect((await s.api('GET', '/api/runs')).body.runs).toHaveLength(2);
  });

  it('merges the run date in the user zone and locale, the sender, numbers per locale and a reference per delivery', async () => {
    const html = '<p>{{runDate}}|{{senderName}}|{{senderEmail}}|{{referenceNumber}}|{{amount}}</p>';
    const before = todayIn('Pacific/Kiritimati', 'tr-TR');
    const { run, messages } = await send({ template: { subject: 'Ref {{referenceNumber}}', html }, options: { locale: 'tr-TR', timeZone: 'Pacific/Kiritimati' } }, 'Run fields');
    const after = todayIn('Pacific/Kiritimati', 'tr-TR');
    const sukru = messageTo(messages, 'sukru@example.com').html as string;
    const [date, name, email, reference, amount] = sukru.replace(/^[\s\S]*<p>|<\/p>[\s\S]*$/g, '').split('|');
    expect([...before, ...after]).toContain(date);
    expect([name, email]).toEqual(['Local User', 'me@seriatim.localhost']);
    const year = new Date().getUTCFullYear();
    expect(reference).toMatch(new RegExp(`^R-(${year}|${year + 1})-\\d{6}$`));
    expect(amount).toBe('1.234,5');

    // One reference per delivery, in plan order; the next run continues the sequence, never reusing one.
    const references = messages.map((m) => /R-\d{4}-(\d{6})/.exec(m.subject as string)![1]).map(Number).sort((a, b) => a - b);
    expect(new Set(references).size).toBe(run.counts.sent);
    const again = await send({ template: { subject: 'Ref {{referenceNumber}}', html: '<p>x</p>' }, options: { timeZone: 'Pacific/Kiritimati' } }, 'Run fields again');
    const next = again.messages.map((m) => Number(/R-\d{4}-(\d{6})/.exec(m.subject as string)![1]));
    expect(Math.min(...next)).toBeGreaterThan(Math.max(...references));
  });

  it('merges as the run date the day the audience\'s date rules were evaluated for', async () => {
    const { messages } = await send({
      template: { subject: 'x', html: '<p>[{{runDate}}]</p>' }, options: { locale: 'tr-TR' },
      audience: { runDate: '2026-07-01', timeZone: 'Asia/Tokyo' },
    }, 'Audience date');
    expect(messageTo(messages, 'sukru@example.com').html).toContain('[01.07.2026]');
  });

  it('lets a list column win over a run-level field of the same name', async () => {
    const list = (await s.upload('own-sender.csv', 'email;senderName;referenceNumber\nkim@example.com;Account team;INV-77\nlee@example.com;;INV-78\n')).body;
    const folderId = await newFolder(s, 'Column wins');
    const created = await s.api('POST', '/api/runs', { listId: list.id, folderId, template: { subject: '{{referenceNumber}}', html: '<p>[{{senderName}}]</p>' } });
    expect(created.status).toBe(201);
    await s.waitForRun(created.body.id);
    const messages = await sentMessages(s, folderId);
    expect(messageTo(messages, 'kim@example.com')).toMatchObject({ subject: 'INV-77', html: expect.stringContaining('[Account team]') });
    // Empty in this row, but the column still wins: the list decides, not the row.
    expect(messageTo(messages, 'lee@example.com').html).toContain('[]');
  });
});
