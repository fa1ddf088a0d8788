import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
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
  it('name the user for one path, once, until they expire', () => {
    let now = 1_000_000;
    const tickets = new DownloadTickets(() => now);
    const path = '/api/runs/r1/report.xlsx';
    const { ticket, expiresAt } = tickets.issue(ADELE, path);
    expect(Date.parse(expiresAt)).toBe(now + TICKET_TTL_MS);
    expect(reasonOf(() => tickets.redeem(ticket, '/api/runs/r2/report.xlsx'))).toBe('ticket-invalid');
    expect(tickets.redeem(ticket, path)).toEqual(ADELE);
    expect(reasonOf(() => tickets.redeem(ticket, path))).toBe('ticket-used');

    const late = tickets.issue(ADELE, path).ticket;
    now += TICKET_TTL_MS;
    expect(reasonOf(() => tickets.redeem(late, path))).toBe('ticket-expired');
  });

  it('refuse a ticket from another process, an altered one, and anything that is not a ticket, without throwing anything else', () => {
    const path = '/api/files/f1';
    const { ticket } = new DownloadTickets().issue(ADELE, path);
    expect(ticket).toMatch(/^[\w-]{43}$/);
    expect(ticket).not.toContain(Buffer.from(ADELE.email).toString('base64url').slice(0, 8));
    const tickets = new DownloadTickets();
    expect(reasonOf(() => tickets.redeem(ticket, path))).toBe('ticket-invalid');
    const mine = tickets.issue(ADELE, path).ticket;
    for (const forged of [`${mine.slice(0, -1)}${mine.endsWith('A') ? 'B' : 'A'}`, 'é'.repeat(43), '', `${mine}.x`, mine.toUpperCase()]) {
      expect(reasonOf(() => tickets.redeem(forged, path))).toBe('ticket-invalid');
    }
    expect(tickets.redeem(mine, path)).toEqual(ADELE);
  });

  it('exist only for reports, message sources and stored files', () => {
    expect(['/api/runs/r1/report.csv', '/api/runs/r1/report.xlsx', '/api/mailbox/messages/m1/raw', '/api/files/f1'].every(isDownloadable)).toBe(true);
    expect(['/api/lists', '/api/runs/r1', '/api/files/sets/s1', '/api/runs/r1/report.csv/x', '/api/me', '/api/files/f1?x=1', '/api/files/f1#x'].some(isDownloadable)).toBe(false);
    expect(() => new DownloadTickets().issue(ADELE, '/api/me')).toThrow(AppError);
  });
});
