import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from './db';
import { addSuppression, listSuppressions, removeSuppression, suppressedValues } from './suppression';

describe('the suppression store', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seriatim-suppression-'));
  const db = openDb(path.join(dir, 'store.db'));
  afterAll(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const entry = (value: string) => ({ kind: 'address' as const, value, reason: null, source: 'manual' as const, deliveryId: null, createdBy: 'a@example.com' });

  it('keeps each tenant\'s list apart and adds a value once', () => {
    expect(addSuppression(db, 't1', entry('x@example.com')).created).toBe(true);
    expect(addSuppression(db, 't1', { ...entry('x@example.com'), reason: 'again' })).toMatchObject({ created: false, entry: { reason: null } });
    addSuppression(db, 't2', entry('y@example.com'));
    expect(suppressedValues(db, 't1')).toEqual(['x@example.com']);
    expect(listSuppressions(db, 't2')).toMatchObject({ total: 1, entries: [{ value: 'y@example.com' }] });
    expect(removeSuppression(db, 't2', 'x@example.com')).toBe(false);
    expect(removeSuppression(db, 't1', 'x@example.com')).toBe(true);
    expect(listSuppressions(db, 't1').total).toBe(0);
  });
});
