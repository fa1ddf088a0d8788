import type { RequestHandler } from 'express';
import { ADMIN_ROLE, type User } from '../store/users';
import { AppError } from '../errors';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Local mode: one local user, who administers their own installation, and only requests from this machine. (Microsoft mode validates the
 * add-in's access token instead; see docs/deploy.md.)
 */
export function localAuth(localUser: User): RequestHandler {
  const user: User = { ...localUser, roles: [ADMIN_ROLE] };
  return (req, _res, next) => {
    if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) {
      next(new AppError('FORBIDDEN', 'Local mode answers only requests from this computer.'));
      return;
    }
    (req as typeof req & { user: User }).user = user;
    next();
  };
}
