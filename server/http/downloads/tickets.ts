import crypto from 'node:crypto';
import type { RequestHandler } from 'express';
import { AppError } from '../../errors';
import type { Db } from '../../store/db';
import { prepared } from '../../store/statements';
import type { User } from '../../store/users';

/**
 * The API routes a browser may fetch as a plain link (a report, a message's MIME, a stored file).
 * In Microsoft mode a link carries no bearer token, so the pane first asks for a ticket for one of
 * these paths and then opens `path?ticket=…`.
 */
export const DOWNLOADABLE = [
  /^\/api\/runs\/[^/?#]+\/report\.(csv|xlsx)$/,
  /^\/api\/mailbox\/messages\/[^/?#]+\/raw$/,
  /^\/api\/files\/[^/?#]+$/,
];

/** How long a ticket may wait before it is used. */
export const TICKET_TTL_MS = 60_000;

interface TicketRow { user: string; path: string; expires_at: number; used: number }

const hashOf = (ticket: string) => crypto.createHash('sha256').update(ticket).digest('hex');

/**
 * Short-lived, single-use download tickets. A ticket is 32 random bytes naming one user and one
 * exact path, recorded in the store (as its hash) so any server process sharing the store opens it;
 * nothing about the user travels in the URL (which browsers keep in their history). It
 * authenticates that one GET; the route still checks what the user owns.
 */
export class DownloadTickets {
  constructor(private readonly db: Db, private readonly now: () => number = Date.now) {}

  /** A ticket for `path` (which must be downloadable) for `user`, and when it expires. */
  issue(user: User, path: string): { ticket: string; expiresAt: string } {
    if (!isDownloadable(path)) throw new AppError('VALIDATION_FAILED', `"${path}" is not a download this server offers.`, { issues: [{ path: 'path', message: 'not a downloadable API path' }] });
    const now = this.now();
    this.forgetExpired(now);
    const ticket = crypto.randomBytes(32).toString('base64url');
    const exp = now + TICKET_TTL_MS;
    const named: User = { id: user.id, tenantId: user.tenantId, email: user.email, name: user.name, roles: user.roles };
    prepared(this.db, 'INSERT INTO download_tickets (hash, user, path, expires_at) VALUES (?, ?, ?, ?)').run(hashOf(ticket), JSON.stringify(named), path, exp);
    return { ticket, expiresAt: new Date(exp).toISOString() };
  }

  /** The user a ticket was issued to, if it is known, for this path, unexpired and unused; it is then used up (once, across processes). */
  redeem(ticket: string, path: string): User {
    const now = this.now();
    const hash = hashOf(ticket);
    const issued = prepared(this.db, 'SELECT user, path, expires_at, used FROM download_tickets WHERE hash = ?').get(hash) as TicketRow | undefined;
    if (!issued) throw refused('ticket-invalid', 'This download link is not valid. Open it again from the pane.');
    if (issued.path !== path) throw refused('ticket-invalid', 'This download link is for another file. Open it again from the pane.');
    if (issued.expires_at <= now) throw refused('ticket-expired', 'This download link has expired. Open it again from the pane.');
    const claimed = prepared(this.db, 'UPDATE download_tickets SET used = 1 WHERE hash = ? AND used = 0').run(hash).changes === 1;
    if (!claimed) throw refused('ticket-used', 'This download link has been used already. Open it again from the pane.');
    return JSON.parse(issued.user) as User;
  }

  private forgetExpired(now: number): void {
    prepared(this.db, 'DELETE FROM download_tickets WHERE expires_at <= ?').run(now);
  }
}

function refused(reason: string, message: string): AppError {
  return new AppError('UNAUTHENTICATED', message, { reason });
}

/** Whether `path` is one of the downloadable routes. */
export function isDownloadable(path: string): boolean {
  return DOWNLOADABLE.some((re) => re.test(path));
}

/**
 * Lets a GET of a downloadable path with `?ticket=` through as the ticket's user; every other
 * request goes on to `auth` (the bearer check). A bad ticket is a 401 that says what to do.
 */
export function ticketOrAuth(tickets: DownloadTickets, auth: RequestHandler): RequestHandler {
  return (req, res, next) => {
    const ticket = req.query.ticket;
    const path = req.baseUrl + req.path;
    if (req.method !== 'GET' || typeof ticket !== 'string' || !isDownloadable(path)) {
      auth(req, res, next);
      return;
    }
    try {
      (req as typeof req & { user: User }).user = tickets.redeem(ticket, path);
      next();
    } catch (err) {
      next(err);
    }
  };
}
