// A test message is a message from the user's mailbox like any other: it waits for the mailbox's
// pacer and counts toward its daily budget, and a refusal says when to try again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../shared/api';
import { startTestServer, type TestServer } from '../support/server';

describe('test messages within the mailbox limits', () => {
  let s: TestServer;
  let listId: string;
  const template = { subject: 'Hi {{name}}', html: '<b>{{name}}</b>' };

  beforeAll(async () => {
    s = await startTestServer({ limits: { perMinute: 100_000, perDay: 3 } });
    listId = (await s.upload('people.csv', 'name,email\nÖmer,omer@example.com\nPelin,pelin@example.com\n')).body.id;
  });
  afterAll(async () => {
    await s.close();
  });

  it('counts toward the daily budget, refuses with RATE_LIMITED and the time to retry, and leaves the run its share', async () => {
    for (const to of ['a@example.org', 'b@example.org']) {
      expect((await s.api('POST', '/api/test-message', { listId, template, to })).status).toBe(201);
    }
    const run = (await s.api('POST', '/api/runs', { listId, template })).body;
    // One recipient of the day's three is left: the run sends one and then waits for the budget.
    await expect.poll(async () => (await s.api('GET', `/api/runs/${run.id}`)).body.waitReason, { timeout: 20_000 }).toBe('day');
    expect((await s.api('GET', `/api/runs/${run.id}`)).body.counts).toMatchObject({ sent: 1, pending: 1 });

    const refused = await s.api('POST', '/api/test-message', { listId, template, to: 'c@example.org' });
    expect(refused.status).toBe(429);
    const { error } = ErrorBody.parse(refused.body);
    expect(error.code).toBe('RATE_LIMITED');
    expect(Date.parse((error.details as { retryAt: string }).retryAt)).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    const sentItems = (await s.api('GET', '/api/mailbox/folders/sentitems/messages')).body;
    expect(sentItems.messages.filter((m: { subject: string }) => m.subject.startsWith('[Test]'))).toHaveLength(2);
  });
});
