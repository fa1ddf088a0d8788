import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../shared/api';
import { startTestServer, type TestServer } from '../support/server';

describe('bad input gets a clear error and changes nothing', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    await s.close();
  });

  async function expectNothingStored() {
    expect((await s.api('GET', '/api/lists')).body.lists).toHaveLength(0);
    expect((await s.api('GET', '/api/runs')).body.runs).toHaveLength(0);
  }

  it('refuses a CSV without an email column, naming the file and the columns found', async () => {
    const res = await s.upload('staff.csv', 'name;city\nAyşe;Ankara\n');
    expect(res.status).toBe(422);
    const { error } = ErrorBody.parse(res.body);
    expect(error.code).toBe('NO_EMAIL_COLUMN');
    expect(error.message).toContain('staff.csv');
    expect(error.message).toContain('name, city');
    await expectNothingStored();
  });

  it('refuses a file that is not a spreadsheet', async () => {
    const res = await s.upload('photo.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0, 1, 2, 3, 0, 0, 0]));
    expect(res.status).toBe(422);
    expect(ErrorBody.parse(res.body).error.code).toBe('IMPORT_FAILED');
    expect(res.body.error.message).toContain('photo.csv');
    await expectNothingStored();
  });

  it('refuses a template with an unclosed tag, with line and column, and creates no run', async () => {
    const list = (await s.upload('ok.csv', 'email,firstName\na@example.com,A\n')).body;
    const res = await s.api('POST', '/api/runs', { listId: list.id, template: { subject: 'Hi', html: '<p>line one</p>\n<p>{{#firstName}} open</p>' } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('TEMPLATE_SYNTAX');
    expect(res.body.error.message).toMatch(/line 2, column \d+/);
    expect((await s.api('GET', '/api/runs')).body.runs).toHaveLength(0);
    await s.api('DELETE', `/api/lists/${list.id}`);
  });

  it('refuses unknown fields unless accepted, suggesting the close one', async () => {
    const list = (await s.upload('ok.csv', 'email,firstName\na@example.com,A\n')).body;
    const template = { subject: 'Hi {{frstName}}', html: 'x' };
    const res = await s.api('POST', '/api/runs', { listId: list.id, template });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('UNKNOWN_FIELDS');
    expect(res.body.error.message).toContain('did you mean {{firstName}}');
    expect((await s.api('GET', '/api/runs')).body.runs).toHaveLength(0);
    const accepted = await s.api('POST', '/api/runs', { listId: list.id, template, options: { acceptUnknownFields: true } });
    expect(accepted.status).toBe(201);
  });

  it('validates bodies with the shared schemas and names the field', async () => {
    const res = await s.api('POST', '/api/runs', { listId: 42, template: { subject: 'x' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.message).toContain('listId');
    expect(res.body.error.message).toContain('template.html');
  });

  it('answers malformed JSON, unknown folders, unknown routes and other ids with coded errors', async () => {
    const bad = await fetch(`${s.url}/api/preview`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('BAD_REQUEST');
    const list = (await s.upload('f.csv', 'email\na@example.com\n')).body;
    const folder = await s.api('POST', '/api/runs', { listId: list.id, template: { subject: 's', html: 'h' }, folderName: 'Does not exist' });
    expect(folder.status).toBe(404);
    expect(folder.body.error.code).toBe('FOLDER_NOT_FOUND');
    expect((await s.api('GET', '/api/nothing-here')).body.error.code).toBe('NOT_FOUND');
    expect((await s.api('GET', '/api/runs/not-a-run')).status).toBe(404);
    const dup = await s.api('POST', '/api/mailbox/folders', { name: 'sent items' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('FOLDER_EXISTS');
  });
});
