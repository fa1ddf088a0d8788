import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { openDb, type Db } from '../../store/db';
import { DownloadTickets, isDownloadable, TICKET_TTL_MS } from './tickets';

const ADELE = { id: 'oid-1.tenant', tenantId: 'tenant', email: 'adele@contoso.test', name: 'Adele Vance', roles: ['Seriatim.Admin'] };
const reasonOf = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return err instanceof AppError ? (err.details as { reason: string }).reason : String(err);
  }
  return 'accepted';
};

describe('download tickets', () => {
  let dir: string;
  let file: string;
  let db: Db;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seriatim-tickets-'));
    file = path.join(dir, 'store.db');
    db = openDb(file);
  });
  afterEach(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('name the user for one path, once, until they expire', () => {
    let now = 1_000_000;
    const tickets = new DownloadTickets(db, () => now);
    const where = '/api/runs/r1/report.xlsx';
    const { ticket, expiresAt } = tickets.issue(ADELE, where);
    expect(Date.parse(expiresAt)).toBe(now + TICKET_TTL_MS);
    expect(reasonOf(() => tickets.redeem(ticket, '/api/runs/r2/report.xlsx'))).toBe('ticket-invalid');
    expect(tickets.redeem(ticket, where)).toEqual(ADELE);
    expect(reasonOf(() => tickets.redeem(ticket, where))).toBe('ticket-used');

    const late = tickets.issue(ADELE, where).ticket;
    now += TICKET_TTL_MS;
    expect(reasonOf(() => tickets.redeem(late, where))).toBe('ticket-expired');
  });

  it('open on another server process sharing the store, still only once; the store keeps only hashes', () => {
    const other = openDb(file);
    try {
      const where = '/api/files/f1';
      const { ticket } = new DownloadTickets(db).issue(ADELE, where);
      expect(new DownloadTickets(other).redeem(ticket, where)).toEqual(ADELE);
      expect(reasonOf(() => new DownloadTickets(db).redeem(ticket, where))).toBe('ticket-used');
      const stored = db.prepare('SELECT hash FROM download_tickets').pluck().all() as string[];
      expect(stored).toHaveLength(1);
      expect(stored[0]).not.toContain(ticket);
      expect(stored[0]).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      other.close();
    }
  });

  it('refuse an altered ticket and anything that is not a ticket, without throwing anything else', () => {
    const where = '/api/files/f1';
    const tickets = new DownloadTickets(db);
    const mine = tickets.issue(ADELE, where).ticket;
    expect(mine).toMatch(/^[\w-]{43}$/);
    for (const forged of [`${mine.slice(0, -1)}${mine.endsWith('A') ? 'B' : 'A'}`, 'é'.repeat(43), '', `${mine}.x`]) {
      expect(reasonOf(() => tickets.redeem(forged, where))).toBe('ticket-invalid');
    }
    expect(tickets.redeem(mine, where)).toEqual(ADELE);
  });

  it('exist only for reports, message sources and stored files', () => {
    expect(['/api/runs/r1/report.csv', '/api/runs/r1/report.xlsx', '/api/mailbox/messages/m1/raw', '/api/files/f1'].every(isDownloadable)).toBe(true);
    expect(['/api/lists', '/api/runs/r1', '/api/files/sets/s1', '/api/runs/r1/report.csv/x', '/api/me', '/api/files/f1?x=1', '/api/files/f1#x'].some(isDownloadable)).toBe(false);
    expect(() => new DownloadTickets(db).issue(ADELE, '/api/me')).toThrow(AppError);
  });
});
