import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, configureApi } from '../../addin/src/api';
import { discardStoredCopy } from '../../addin/src/message/uploads';
import { ErrorBody, FileSet, StoredFile } from '../../shared/api';
import { storeUpload, storeZip } from '../../server/services/attachments/uploads';
import { fileSetStored, fileStored } from '../../server/store/files';
import { upsertUser } from '../../server/store/users';
import { startTestServer, type TestServer } from '../support/server';
import { postBytes, zipOf } from './support';

const TEMPLATE = { subject: 'Payslip {{name}}', html: '<p>Attached, {{name}}.</p>' };
const LATER = () => new Date(Date.now() + 7 * 86_400_000).toISOString();
// 29 February at 08:00: a saved schedule that does not fire while the test runs.
const RARELY = '0 8 29 2 *';

describe('deleting stored files: DELETE /api/files/:id and /api/files/sets/:id', () => {
  let s: TestServer;
  let listId: string;
  const upload = async (name: string, text: string) => StoredFile.parse((await postBytes(s, `/api/files?fileName=${encodeURIComponent(name)}`, Buffer.from(text))).body);
  const uploadZip = async (name: string) =>
    FileSet.parse((await postBytes(s, `/api/files/zip?fileName=${name}`, zipOf({ 'Ana Lima.txt': 'ana', 'Bo Berg.txt': 'bo' }))).body);
  const refusal = async (url: string) => {
    const res = await s.api('DELETE', url);
    expect(res.status, JSON.stringify(res.body)).toBe(409);
    return ErrorBody.parse(res.body).error;
  };

  beforeAll(async () => {
    s = await startTestServer();
    listId = (await s.upload('staff.csv', 'name;email;payslip\nAna Lima;ana@example.com;Ana Lima.txt\nBo Berg;bo@example.com;Bo Berg.txt\n')).body.id;
  });
  afterAll(async () => {
    await s.close();
  });

  it("deletes the owner's file and nothing else; another user's file is not found", async () => {
    const mine = await upload('notice.txt', 'mine');
    expect((await s.api('DELETE', `/api/files/${mine.id}`)).status).toBe(204);
    expect((await s.api('GET', `/api/files/${mine.id}`)).status).toBe(404);
    expect(ErrorBody.parse((await s.api('DELETE', `/api/files/${mine.id}`)).body).error.code).toBe('NOT_FOUND');

    upsertUser(s.core.db, { id: 'other', tenantId: 'other', email: 'other@example.com', name: 'Other' });
    const theirs = storeUpload(s.core.db, 'other', 'theirs.txt', Buffer.from('theirs'));
    const theirZip = storeZip(s.core.db, 'other', 'theirs.zip', zipOf({ 'a.txt': 'a' }));
    expect(ErrorBody.parse((await s.api('DELETE', `/api/files/${theirs.id}`)).body).error.code).toBe('NOT_FOUND');
    expect(ErrorBody.parse((await s.api('DELETE', `/api/files/sets/${theirZip.id}`)).body).error.code).toBe('NOT_FOUND');
    expect(fileStored(s.core.db, theirs.id)).toBe(true);
    expect(fileSetStored(s.core.db, theirZip.id)).toBe(true);
  });

  it('refuses while a saved template uses the file, naming the template, and keeps it whole', async () => {
    const logo = await upload('logo.txt', 'logo bytes');
    const template = await s.api('POST', '/api/templates', { name: 'Bordro', ...TEMPLATE, attachments: [{ fileId: logo.id }] });
    expect(template.status).toBe(201);
    const error = await refusal(`/api/files/${logo.id}`);
    expect(error.code).toBe('INVALID_STATE');
    expect(error.message).toContain('the template "Bordro"');
    expect(error.details).toEqual({ uses: [{ kind: 'template', id: template.body.id, name: 'Bordro' }] });
    const kept = await fetch(`${s.url}/api/files/${logo.id}`);
    expect(await kept.text()).toBe('logo bytes');
  });

  it('refuses while an unfinished run sends the file; once the run is cancelled the file can go, and the run keeps its report', async () => {
    const notice = await upload('notice.txt', 'notice');
    const run = await s.api('POST', '/api/runs', { listId, template: TEMPLATE, attachments: [{ fileId: notice.id }], options: { scheduledAt: LATER() } });
    expect(run.body.status).toBe('scheduled');
    const error = await refusal(`/api/files/${notice.id}`);
    expect(error.message).toContain(`the run "${TEMPLATE.subject}" (scheduled)`);
    expect(error.message).toContain('let the run finish or cancel it');

    expect((await s.api('POST', `/api/runs/${run.body.id}/cancel`)).status).toBe(200);
    expect((await s.api('DELETE', `/api/files/${notice.id}`)).status).toBe(204);
    expect(fileStored(s.core.db, notice.id)).toBe(false);
    const deliveries = (await s.api('GET', `/api/runs/${run.body.id}/deliveries`)).body.deliveries;
    expect(deliveries.map((d: { to: string; status: string }) => [d.to, d.status])).toEqual([['ana@example.com', 'skipped'], ['bo@example.com', 'skipped']]);
  });

  it('refuses while a saved schedule sends the file', async () => {
    const flyer = await upload('flyer.txt', 'flyer');
    const schedule = await s.api('POST', '/api/schedules', { name: 'Monthly flyer', cron: RARELY, timeZone: 'Europe/Warsaw', run: { listId, template: TEMPLATE, attachments: [{ fileId: flyer.id }] } });
    expect(schedule.status, JSON.stringify(schedule.body)).toBe(201);
    expect((await refusal(`/api/files/${flyer.id}`)).message).toContain('the schedule "Monthly flyer"');
    expect((await s.api('DELETE', `/api/schedules/${schedule.body.id}`)).status).toBe(204);
    expect((await s.api('DELETE', `/api/files/${flyer.id}`)).status).toBe(204);
  });

  it('deletes a zip with all its files only when no unfinished run or schedule uses it; a file of a zip goes only with its zip', async () => {
    const zip = await uploadZip('payslips.zip');
    const member = zip.files[0];
    const recipientFiles = { fileSetId: zip.id, column: 'payslip' };
    const run = await s.api('POST', '/api/runs', { listId, template: TEMPLATE, recipientFiles, options: { scheduledAt: LATER() } });
    expect(run.status, JSON.stringify(run.body)).toBe(201);
    const schedule = await s.api('POST', '/api/schedules', { name: 'Payslips', cron: RARELY, timeZone: 'Europe/Bratislava', run: { listId, template: TEMPLATE, recipientFiles } });
    expect(schedule.status, JSON.stringify(schedule.body)).toBe(201);

    const both = await refusal(`/api/files/sets/${zip.id}`);
    expect(both.message).toMatch(/^payslips\.zip is still used by the run .+ \(scheduled\), the schedule "Payslips"\./);
    const one = await refusal(`/api/files/${member.id}`);
    expect(one.message).toContain('delete the zip instead');

    await s.api('POST', `/api/runs/${run.body.id}/cancel`);
    expect((await refusal(`/api/files/sets/${zip.id}`)).message).toContain('the schedule "Payslips"');
    await s.api('DELETE', `/api/schedules/${schedule.body.id}`);
    expect((await s.api('DELETE', `/api/files/sets/${zip.id}`)).status).toBe(204);
    expect((await s.api('GET', `/api/files/sets/${zip.id}`)).status).toBe(404);
    for (const f of zip.files) expect(fileStored(s.core.db, f.id)).toBe(false);
    expect((await s.api('GET', `/api/runs/${run.body.id}`)).body.status).toBe('cancelled');
  });

  it("deletes the pane's removed uploads best effort: gone is done, a refusal comes back to show", async () => {
    configureApi({ baseUrl: s.url });
    const removed = await upload('removed.txt', 'x');
    expect(await discardStoredCopy({ kind: 'file', id: removed.id })).toBeNull();
    expect(fileStored(s.core.db, removed.id)).toBe(false);
    expect(await discardStoredCopy({ kind: 'file', id: removed.id })).toBeNull();
    const zip = await uploadZip('removed.zip');
    expect(await discardStoredCopy({ kind: 'set', id: zip.id })).toBeNull();
    expect(fileSetStored(s.core.db, zip.id)).toBe(false);

    const saved = await upload('saved.txt', 'x');
    await s.api('POST', '/api/templates', { name: 'Saved from the pane', ...TEMPLATE, attachments: [{ fileId: saved.id }] });
    const refused = await discardStoredCopy({ kind: 'file', id: saved.id });
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ code: 'INVALID_STATE', status: 409 });
    expect((refused as ApiError).message).toContain('the template "Saved from the pane"');
  });

  it('refuses to plan a run with a file deleted before it was sent', async () => {
    const gone = await upload('gone.txt', 'gone');
    await s.api('DELETE', `/api/files/${gone.id}`);
    const res = await s.api('POST', '/api/runs', { listId, template: TEMPLATE, attachments: [{ fileId: gone.id }] });
    expect(ErrorBody.parse(res.body).error.code).toBe('NOT_FOUND');
  });
});
