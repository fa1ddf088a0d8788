import crypto from 'node:crypto';
import type { RequestHandler } from 'express';
import { AppError } from '../../errors';
import type { User } from '../../store/users';

/**
 * The API routes a browser may fetch as a plain link (a report, a message's MIME, a stored file).
 * In Microsoft mode a link carries no bearer token, so the pane first asks for a ticket for one of
 * these paths and then opens `path?ticket=…`.
 */
export const DOWNLOADABLE = [
  /^\/api\/runs\/[^/]+\/report\.(csv|xlsx)$/,
  /^\/api\/mailbox\/messages\/[^/]+\/raw$/,
  /^\/api\/files\/[^/]+$/,
];

/** How long a ticket may wait before it is used. */
export const TICKET_TTL_MS = 60_000;

interface TicketBody { user: User; path: string; exp: number; nonce: string }

/**
 * Short-lived, single-use download tickets. A ticket names the user and one exact path and is
 * signed with a key that lives only in this process (a restart voids open tickets, which only
 * means clicking the link again). It authenticates that one GET; the route still checks what the
 * user owns.
 */
export class DownloadTickets {
  private readonly key = crypto.randomBytes(32);
  private readonly used = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A ticket for `path` (which must be downloadable) for `user`, and when it expires. */
  issue(user: User, path: string): { ticket: string; expiresAt: string } {
    if (!isDownloadable(path)) throw new AppError('VALIDATION_FAILED', `"${path}" is not a download this server offers.`, { issues: [{ path: 'path', message: 'not a downloadable API path' }] });
    const exp = this.now() + TICKET_TTL_MS;
    const body: TicketBody = { user: { id: user.id, tenantId: user.tenantId, email: user.email, name: user.name, roles: user.roles }, path, exp, nonce: crypto.randomBytes(12).toString('base64url') };
    const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
    return { ticket: `${payload}.${this.sign(payload)}`, expiresAt: new Date(exp).toISOString() };
  }

  /** The user a ticket was issued to, if it is genuine, for this path, unexpired and unused; it is then used up. */
  redeem(ticket: string, path: string): User {
    const [payload, signature, extra] = ticket.split('.');
    const expected = payload ? this.sign(payload) : '';
    if (!payload || !signature || extra !== undefined || signature.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) {
      throw refused('ticket-invalid', 'This download link is not valid. Open it again from the pane.');
    }
    const body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TicketBody;
    const now = this.now();
    if (body.path !== path) throw refused('ticket-invalid', 'This download link is for another file. Open it again from the pane.');
    if (body.exp <= now) throw refused('ticket-expired', 'This download link has expired. Open it again from the pane.');
    this.forgetExpired(now);
    if (this.used.has(body.nonce)) throw refused('ticket-used', 'This download link has been used already. Open it again from the pane.');
    this.used.set(body.nonce, body.exp);
    return body.user;
  }

  private sign(payload: string): string {
    return crypto.createHmac('sha256', this.key).update(payload).digest('base64url');
  }

  private forgetExpired(now: number): void {
    for (const [nonce, exp] of this.used) if (exp <= now) this.used.delete(nonce);
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
