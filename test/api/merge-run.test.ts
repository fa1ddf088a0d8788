import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Delivery, ErrorBody, ListSummary, MessageDetail, PreviewResponse, Run } from '../../shared/api';
import { startTestServer, type TestServer } from '../support/server';

const PEOPLE = [
  'firstName;lastName;email;city',
  'Şükrü;Öztürk;sukru.ozturk@example.com;İstanbul',
  'Żaneta;Gąsiorowska;zaneta@example.com;Kraków',
  'Ярослав;Дьяченко;yaroslav@example.com;Москва',
  'Ľubomír;Šťastný;LUBOMIR@example.com;Košice',
  'Ann;<script>alert(1)</script>;ann@example.com;London',
  'Dup;Licate;lubomir@EXAMPLE.com;Košice',
  'No;Address;;Nowhere',
].join('\n');

describe('a whole merge run on the local mailbox', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    await s.close();
  });

  it('uploads, previews, sends, files each message individually and reports who got what', async () => {
    const up = await s.upload('people.csv', PEOPLE);
    expect(up.status).toBe(201);
    const list = ListSummary.parse(up.body);
    expect(list.rowCount).toBe(7);
    expect(list.emailColumn).toBe('email');

    const folder = await s.api('POST', '/api/mailbox/folders', { name: 'Seriatim test' });
    expect(folder.status).toBe(201);

    const template = { subject: 'Merhaba {{firstName}} from {{city}}', html: '<p>Dear {{firstName}} {{lastName}},</p><p>{{city}}</p>' };
    const preview = PreviewResponse.parse((await s.api('POST', '/api/preview', { listId: list.id, template, rowIndex: 4 })).body);
    expect(preview.subject).toBe('Merhaba Ann from London');
    expect(preview.html).toContain('&lt;script&gt;alert(1)&lt;&#x2F;script&gt;');
    expect(preview.html).not.toContain('<script>');

    const created = await s.api('POST', '/api/runs', { listId: list.id, template, folderId: folder.body.id });
    expect(created.status).toBe(201);
    const run = Run.parse(await s.waitForRun(Run.parse(created.body).id));
    expect(run.status).toBe('completed');
    expect(run.counts).toMatchObject({ planned: 7, sent: 5, failed: 0, skipped: 2 });

    const deliveries = (await s.api('GET', `/api/runs/${run.id}/deliveries`)).body.deliveries.map((d: unknown) => Delivery.parse(d));
    expect(deliveries.filter((d: Delivery) => d.status === 'skipped').map((d: Delivery) => d.reason).sort()).toEqual(['DUPLICATE', 'NO_ADDRESS']);

    const messages = (await s.api('GET', `/api/mailbox/folders/${folder.body.id}/messages`)).body.messages;
    expect(messages).toHaveLength(5);
    const byTo = new Map<string, any>(messages.map((m: any) => [m.to.join(','), m]));
    expect([...byTo.keys()].sort()).toEqual(['LUBOMIR@example.com', 'ann@example.com', 'sukru.ozturk@example.com', 'yaroslav@example.com', 'zaneta@example.com']);
    expect(byTo.get('yaroslav@example.com').subject).toBe('Merhaba Ярослав from Москва');
    for (const m of messages) expect(m.tag.runId).toBe(run.id);

    const detail = MessageDetail.parse((await s.api('GET', `/api/mailbox/messages/${byTo.get('sukru.ozturk@example.com').id}`)).body);
    expect(detail.subject).toBe('Merhaba Şükrü from İstanbul');
    expect(detail.html).toContain('Dear Şükrü Öztürk');
    expect(detail.headers.find((h) => h.name.toLowerCase() === 'x-seriatim-tag')?.value).toBe(`${run.id}:${detail.tag!.deliveryId}`);
    const raw = await s.api('GET', `/api/mailbox/messages/${detail.id}/raw`);
    expect(raw.headers.get('content-type')).toContain('message/rfc822');
    expect(String(raw.body)).toMatch(/Message-ID: <[^>]+>/i);

    const csv = await s.api('GET', `/api/runs/${run.id}/report.csv`);
    expect(String(csv.body)).toContain('Şükrü');
    expect(String(csv.body)).toContain('DUPLICATE');
  });

  it('sends a test message to the address given, filed in Sent Items', async () => {
    const list = (await s.upload('one.csv', 'name,email\nÖmer,omer@example.com\n')).body;
    const res = await s.api('POST', '/api/test-message', { listId: list.id, template: { subject: 'Hi {{name}}', html: '<b>{{name}}</b>' }, to: 'me@example.org' });
    expect(res.status).toBe(201);
    const detail = (await s.api('GET', `/api/mailbox/messages/${encodeURIComponent(res.body.messageId)}`)).body;
    expect(detail.to).toEqual(['me@example.org']);
    expect(detail.subject).toBe('[Test] Hi Ömer');
  });

  it('pauses, resumes and cancels through the state machine', async () => {
    const slow = await startTestServer({ limits: { perMinute: 60 } });
    try {
      const rows = ['email', ...Array.from({ length: 20 }, (_, i) => `p${i}@example.com`)].join('\n');
      const list = (await slow.upload('many.csv', rows)).body;
      const run = (await slow.api('POST', '/api/runs', { listId: list.id, template: { subject: 's', html: 'h' } })).body;
      const paused = await slow.api('POST', `/api/runs/${run.id}/pause`);
      expect(paused.body.status).toBe('paused');
      const settled = await slow.waitForRun(run.id, ['paused']);
      const before = settled.counts.sent;
      await new Promise((r) => setTimeout(r, 1500));
      expect((await slow.api('GET', `/api/runs/${run.id}`)).body.counts.sent).toBe(before);
      expect((await slow.api('POST', `/api/runs/${run.id}/resume`)).body.status).toBe('queued');
      const cancelled = await slow.api('POST', `/api/runs/${run.id}/cancel`);
      expect(cancelled.body.status).toBe('cancelled');
      const final = await slow.waitForRun(run.id, ['cancelled']);
      expect(final.counts.pending).toBe(0);
      expect(final.counts.sent + final.counts.skipped).toBe(20);
      const again = await slow.api('POST', `/api/runs/${run.id}/resume`);
      expect(again.status).toBe(409);
      expect(ErrorBody.parse(again.body).error.code).toBe('INVALID_STATE');
    } finally {
      await slow.close();
    }
  });

  it('streams progress as server-sent events until the run completes', async () => {
    const list = (await s.upload('sse.csv', 'email\na@example.com\nb@example.com\n')).body;
    const run = (await s.api('POST', '/api/runs', { listId: list.id, template: { subject: 's', html: 'h' } })).body;
    const res = await fetch(`${s.url}/api/runs/${run.id}/events`);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const text = await res.text();
    const events = text.split('\n\n').filter((e) => e.startsWith('event: progress')).map((e) => JSON.parse(e.split('data: ')[1]));
    expect(events.length).toBeGreaterThan(0);
    expect(events.at(-1)).toMatchObject({ runId: run.id, status: 'completed', counts: { sent: 2 } });
  });
});
