import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../config';
import { createLogger } from '../log';
import { openDb } from '../store/db';
import { fileStored } from '../store/files';
import { upsertUser } from '../store/users';
import { RETENTION_SWEEP_MS, startFileRetention } from './file-retention';
import { storeUpload } from './attachments/uploads';

const DAY = 86_400_000;

describe('when the server sweeps stored files', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seriatim-retention-'));
  const db = openDb(path.join(dir, 'store.db'));
  const log = createLogger('silent');
  upsertUser(db, { id: 'u1', tenantId: 't', email: 'hr@example.com', name: 'HR' });
  const upload = (name: string) => storeUpload(db, 'u1', name, Buffer.from(name)).id;
  afterEach(() => {
    vi.useRealTimers();
  });
  afterAll(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps 30 days by default, 0 meaning forever', () => {
    expect(loadConfig({}).fileRetentionDays).toBe(30);
    expect(loadConfig({ SERIATIM_FILE_RETENTION_DAYS: '0' }).fileRetentionDays).toBe(0);
    expect(() => loadConfig({ SERIATIM_FILE_RETENTION_DAYS: '-1' })).toThrow(/SERIATIM_FILE_RETENTION_DAYS/);
  });

  it('sweeps once at start and then every hour, on its clock, until stopped', () => {
    vi.useFakeTimers();
    let now = Date.now() + 31 * DAY;
    const first = upload('first.txt');
    const retention = startFileRetention({ db, log, days: 30, now: () => now });
    expect(fileStored(db, first)).toBe(true);
    vi.advanceTimersByTime(1);
    expect(fileStored(db, first)).toBe(false);

    now = Date.now();
    const second = upload('second.txt');
    vi.advanceTimersByTime(RETENTION_SWEEP_MS - 10);
    expect(fileStored(db, second)).toBe(true);
    vi.advanceTimersByTime(10);
    expect(fileStored(db, second)).toBe(true);
    now += 31 * DAY;
    vi.advanceTimersByTime(RETENTION_SWEEP_MS);
    expect(fileStored(db, second)).toBe(false);

    retention.stop();
    const third = upload('third.txt');
    now += 31 * DAY;
    vi.advanceTimersByTime(10 * RETENTION_SWEEP_MS);
    expect(fileStored(db, third)).toBe(true);
  });

  it('never sweeps with 0 days', () => {
    vi.useFakeTimers();
    const kept = upload('kept.txt');
    const retention = startFileRetention({ db, log, days: 0, now: () => Date.now() + 1000 * DAY });
    vi.advanceTimersByTime(10 * RETENTION_SWEEP_MS);
    expect(fileStored(db, kept)).toBe(true);
    retention.stop();
  });
});
