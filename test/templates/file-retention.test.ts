import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody, FileSet, Run, StoredFile } from '../../shared/api';
import { sweepExpiredFiles } from '../../server/services/file-retention';
import { claimDelivery, listDeliveries, settleAttempt } from '../../server/store/deliveries';
import { fileSetStored, fileStored } from '../../server/store/files';
import { startTestServer, type TestServer } from '../support/server';
import { newFolder, postBytes, zipOf } from './support';

const DAY = 86_400_000;
const TEMPLATE = { subject: 'Payslip {{name}}', html: '<p>Attached, {{name}}.</p>' };

describe('retention: stored files unused for SERIATIM_FILE_RETENTION_DAYS are deleted', () => {
  let s: TestServer;
  let listId: string;
  const upload = async (name: string) => StoredFile.parse((await postBytes(s, `/api/files?fileName=${name}`, Buffer.from(name))).body);
  const uploadZip = async (name: string) =>
    FileSet.parse((await postBytes(s, `/api/files/zip?fileName=${name}`, zipOf({ 'Ana Lima.txt': 'ana', 'Bo Berg.txt': 'bo' }))).body);
  /** Files uploaded `days` ago: the sweep reads only the stored creation time. */
  const uploadedDaysAgo = (days: number, table: 'files' | 'file_sets', id: string) =>
    s.core.db.prepare(`UPDATE ${table} SET created_at = ? WHERE id = ?`).run(new Date(Date.now() - days * DAY).toISOString(), id);

  beforeAll(async () => {
    s = await startTestServer();
    listId = (await s.upload('staff.csv', 'name;email;payslip\nAna Lima;ana@example.com;Ana Lima.txt\nBo Berg;bo@example.com;Bo Berg.txt\n')).body.id;
  });
  afterAll(async () => {
    await s.close();
  });

  it("deletes only unused old files, keeps what templates, unfinished runs and schedules use; a finished run's report stays and its retry is refused", async () => {
    const unused = await upload('unused.txt');
    const unusedZip = await uploadZip('unused.zip');
    const inTemplate = await upload('template.txt');
    const inWaitingRun = await upload('waiting.txt');
    const inSchedule = await upload('schedule.txt');
    const zipInSchedule = await uploadZip('schedule.zip');
    const sent = await upload('sent.txt');
    const payslips = await uploadZip('payslips.zip');

    expect((await s.api('POST', '/api/templates', { name: 'Kept', ...TEMPLATE, attachments: [{ fileId: inTemplate.id }] })).status).toBe(201);
    const waiting = await s.api('POST', '/api/runs', {
      listId, template: TEMPLATE, attachments: [{ fileId: inWaitingRun.id }], options: { scheduledAt: new Date(Date.now() + 365 * DAY).toISOString() },
    });
    expect(waiting.body.status).toBe('scheduled');
    const schedule = await s.api('POST', '/api/schedules', {
      name: 'Kept', cron: '0 8 29 2 *', timeZone: 'Europe/Istanbul',
      run: { listId, template: TEMPLATE, attachments: [{ fileId: inSchedule.id }], recipientFiles: { fileSetId: zipInSchedule.id, column: 'payslip' } },
    });
    expect(schedule.status, JSON.stringify(schedule.body)).toBe(201);

    // A payslip run whose message to Bo failed (the engine settles it so when the mailbox refuses
    // it), then finished: sent to Ana, failed for Bo.
    const folderId = await newFolder(s, 'Payslips');
    const created = await s.api('POST', '/api/runs', {
      listId, folderId, template: TEMPLATE, attachments: [{ fileId: sent.id }], recipientFiles: { fileSetId: payslips.id, column: 'payslip' },
      options: { scheduledAt: new Date(Date.now() + DAY).toISOString() },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const db = s.core.db;
    const bo = listDeliveries(db, created.body.id).deliveries.find((d) => d.email === 'bo@example.com')!;
    const claimed = claimDelivery(db, bo);
    expect(settleAttempt(db, claimed!, 'failed', { reason: 'RECIPIENT_REJECTED: 550 mailbox unavailable' })).toBe(true);
    expect((await s.api('POST', `/api/runs/${created.body.id}/resume`)).status).toBe(200);
    const finished = Run.parse(await s.waitForRun(created.body.id, ['completed']));
    expect(finished.counts).toMatchObject({ sent: 1, failed: 1 });

    // Today, with 30 days: an upload 40 days old that nothing uses goes; the payslips, uploaded 40
    // days ago too, were last used by the run that finished just now, so they stay.
    uploadedDaysAgo(40, 'files', unused.id);
    uploadedDaysAgo(40, 'files', sent.id);
    uploadedDaysAgo(40, 'file_sets', payslips.id);
    expect(sweepExpiredFiles(db, 30, Date.now())).toEqual({ files: 1, sets: 0 });
    expect(fileStored(db, unused.id)).toBe(false);
    expect(fileStored(db, sent.id)).toBe(true);
    expect(fileSetStored(db, payslips.id)).toBe(true);
    expect(sweepExpiredFiles(db, 0, Date.now() + 1000 * DAY)).toEqual({ files: 0, sets: 0 });

    // 31 days on: the finished run's files and the unused zip go; the rest is still needed.
    expect(sweepExpiredFiles(db, 30, Date.now() + 31 * DAY)).toEqual({ files: 1, sets: 2 });
    expect(fileStored(db, sent.id)).toBe(false);
    expect(fileSetStored(db, payslips.id)).toBe(false);
    expect(fileSetStored(db, unusedZip.id)).toBe(false);
    for (const f of payslips.files) expect(fileStored(db, f.id)).toBe(false);
    for (const kept of [inTemplate, inWaitingRun, inSchedule]) expect(fileStored(db, kept.id), kept.name).toBe(true);
    expect(fileSetStored(db, zipInSchedule.id)).toBe(true);

    // The report records names and outcomes, not bytes: it reads as before.
    const after = Run.parse((await s.api('GET', `/api/runs/${created.body.id}`)).body);
    expect(after).toMatchObject({ status: 'completed', counts: finished.counts });
    const deliveries = (await s.api('GET', `/api/runs/${created.body.id}/deliveries`)).body.deliveries;
    expect(deliveries.map((d: { to: string; status: string; reason: string | null; values: Record<string, string> }) => [d.to, d.status, d.reason, d.values.payslip])).toEqual([
      ['ana@example.com', 'sent', null, 'Ana Lima.txt'],
      ['bo@example.com', 'failed', 'RECIPIENT_REJECTED: 550 mailbox unavailable', 'Bo Berg.txt'],
    ]);
    const csv = await s.api('GET', `/api/runs/${created.body.id}/report.csv`);
    expect(csv.status).toBe(200);
    expect(csv.body).toContain('Bo Berg.txt');
    expect((await fetch(`${s.url}/api/runs/${created.body.id}/report.xlsx`)).status).toBe(200);

    // Retrying Bo would send without his payslip: refused up front, naming what is gone; nothing changes.
    const retry = await s.api('POST', `/api/runs/${created.body.id}/retry-failed`);
    expect(retry.status).toBe(409);
    const error = ErrorBody.parse(retry.body).error;
    expect(error.code).toBe('INVALID_STATE');
    expect(error.message).toContain('no longer stored: sent.txt, each recipient\'s own file (the zip named in column "payslip")');
    expect(Run.parse((await s.api('GET', `/api/runs/${created.body.id}`)).body)).toMatchObject({ status: 'completed', counts: finished.counts });
  });

  it('keeps a file while the run sending it is unfinished, however old', async () => {
    const old = await upload('old.txt');
    uploadedDaysAgo(400, 'files', old.id);
    const run = await s.api('POST', '/api/runs', { listId, template: TEMPLATE, attachments: [{ fileId: old.id }], options: { scheduledAt: new Date(Date.now() + DAY).toISOString() } });
    expect(run.body.status).toBe('scheduled');
    expect(sweepExpiredFiles(s.core.db, 30, Date.now() + 100 * DAY).files).toBe(0);
    expect(fileStored(s.core.db, old.id)).toBe(true);
    await s.api('POST', `/api/runs/${run.body.id}/cancel`);
    expect(sweepExpiredFiles(s.core.db, 30, Date.now() + 31 * DAY).files).toBe(1);
  });
});
