import type { BackgroundGrantStatus } from '../../shared/api';
import type { Db } from '../store/db';
import { findGrant } from '../store/grants';

/** A user's background-sending grant as the pane shows it (never the sealed cache itself). */
export function grantStatusOf(db: Db, userId: string): BackgroundGrantStatus {
  const g = findGrant(db, userId);
  return { granted: Boolean(g), grantedAt: g?.createdAt ?? null, updatedAt: g?.updatedAt ?? null };
}
