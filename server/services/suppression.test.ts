import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { openDb } from '../store/db';
import { listSuppressions } from '../store/suppression';
import { ADMIN_ROLE, upsertUser } from '../store/users';
import { addToSuppression, removeFromSuppression } from './suppression';

describe('who may change the organisation\'s suppression list', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seriatim-suppression-roles-'));
  const db = openDb(path.join(dir, 'store.db'));
  afterAll(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const staff = upsertUser(db, { id: 'u1', tenantId: 'contoso', email: 'sales@contoso.test', name: 'Sales' });
  const admin = { ...upsertUser(db, { id: 'u2', tenantId: 'contoso', email: 'it@contoso.test', name: 'IT' }), roles: [ADMIN_ROLE] };
  const refusal = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      return err instanceof AppError ? { code: err.code, status: err.status } : err;
    }
    return 'allowed';
  };

  it('lets anyone suppress one address, and only an administrator suppress a domain or remove an entry', () => {
    expect(addToSuppression(db, staff, { address: 'stop@client.example', reason: 'asked to stop' }).created).toBe(true);
    expect(refusal(() => addToSuppression(db, staff, { domain: 'client.example' }))).toEqual({ code: 'FORBIDDEN', status: 403 });
    expect(refusal(() => removeFromSuppression(db, staff, 'stop@client.example'))).toEqual({ code: 'FORBIDDEN', status: 403 });
    expect(listSuppressions(db, 'contoso').entries.map((e) => e.value)).toEqual(['stop@client.example']);

    expect(addToSuppression(db, admin, { domain: 'competitor.example' }).created).toBe(true);
    expect(removeFromSuppression(db, admin, 'STOP@client.example')).toBe(true);
    expect(listSuppressions(db, 'contoso').entries.map((e) => e.value)).toEqual(['competitor.example']);
  });
});
