import type { AddSuppressionRequest, SuppressionEntry } from '../../shared/api';
import { AppError } from '../errors';
import { readMatchEntry } from '../recipients/address-matcher';
import type { Db } from '../store/db';
import { addSuppression, findDeliveryAddress, removeSuppression } from '../store/suppression';
import { ADMIN_ROLE, isAdmin, type User } from '../store/users';

function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `Invalid body: ${path}: ${message}`, { issues: [{ path, message }] });
}

/**
 * Adds an address or a domain to the user's organisation's suppression list; from a report, the
 * address of one of the user's own deliveries. Adding one already there changes nothing.
 */
export function addToSuppression(db: Db, user: User, req: AddSuppressionRequest): { entry: SuppressionEntry; created: boolean } {
  if (req.domain !== undefined) requireAdmin(user, 'suppress a whole domain');
  let text = req.address ?? req.domain;
  let path = req.address !== undefined ? 'address' : 'domain';
  if (req.deliveryId !== undefined) {
    text = findDeliveryAddress(db, user.id, req.deliveryId);
    if (text === undefined) throw new AppError('NOT_FOUND', `There is no delivery with id "${req.deliveryId}" in your runs.`);
    path = 'deliveryId';
  }
  const entry = readMatchEntry(text ?? '');
  if (!entry) throw invalid(path, `"${text}" is neither a valid address nor a domain`);
  return addSuppression(db, user.tenantId, {
    ...entry, reason: req.reason || null, source: req.deliveryId ? 'report' : 'manual', deliveryId: req.deliveryId ?? null, createdBy: user.email,
  });
}

/** Anyone may suppress one address (someone asked to stop); what undoes or widens that is an administrator's. */
function requireAdmin(user: User, what: string): void {
  if (!isAdmin(user)) {
    throw new AppError('FORBIDDEN', `Only a Seriatim administrator (app role ${ADMIN_ROLE}) may ${what} for the whole organisation.`, { role: ADMIN_ROLE });
  }
}

/** Removes an address or domain (written any way it was typed) from the organisation's suppression list. */
export function removeFromSuppression(db: Db, user: User, text: string): boolean {
  requireAdmin(user, 'take an entry off the suppression list');
  const entry = readMatchEntry(text);
  return entry !== null && removeSuppression(db, user.tenantId, entry.value);
}
