// Seeding the sample lists into a real store file, including bringing up to date the ones a
// user got before companies and the change log were stored.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALL_COMPANY_ADDRESSES } from '../../server/recipients/company-choice';
import { flattenCompanies, sampleCompanies } from '../../server/recipients/sample';
import { seedSampleLists } from '../../server/services/lists';
import { openDb, type Db } from '../../server/store/db';
import { deleteList, insertList, listLists, type Row } from '../../server/store/lists';
import { upsertUser } from '../../server/store/users';

describe('sample lists', () => {
  let dir: string;
  let db: Db;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seriatim-samples-'));
    db = openDb(path.join(dir, 'store.db'));
    upsertUser(db, { id: 'u1', tenantId: 't1', email: 'u1@example.com', name: 'U1' });
  });
  afterEach(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const byName = () => new Map(listLists(db, 'u1').map((l) => [l.name, l]));

  it('upgrades an old client list in place and relinks a deleted change log', () => {
    const old = flattenCompanies(sampleCompanies(), { general: true, defaultContact: true, otherContacts: false }) as unknown as Row[];
    const contacts = insertList(db, {
      ownerId: 'u1', name: 'Sample: client contacts', source: 'sample', fileName: null, columns: [{ name: 'email', type: 'email' }], emailColumn: 'email', problems: [],
    }, old);
    seedSampleLists(db, 'u1');
    const seeded = byName();
    const upgraded = seeded.get('Sample: client contacts')!;
    expect(upgraded).toMatchObject({ id: contacts.id, meta: { companies: { typeColumn: 'recipientType' } } });
    expect(upgraded.rowCount).toBe(flattenCompanies(sampleCompanies(), ALL_COMPANY_ADDRESSES).length);
    const changes = seeded.get('Sample: employee changes')!;
    expect(seeded.get('Sample: employees')!.meta.changeLog?.listId).toBe(changes.id);

    deleteList(db, 'u1', changes.id);
    seedSampleLists(db, 'u1');
    const again = byName();
    expect(again.size).toBe(3);
    expect(again.get('Sample: employees')!.meta.changeLog?.listId).toBe(again.get('Sample: employee changes')!.id);
  });
});
