import { describe, expect, it } from 'vitest';
import { resolveAddressing } from './addressing';

describe('resolveAddressing', () => {
  const spec = { cc: [{ column: 'owner' }, { address: 'team@firm.example' }], bcc: [{ address: 'archive@firm.example' }, { column: 'owner' }], replyTo: { column: 'owner' } };

  it('reads fixed addresses and several per cell, giving each person one copy', () => {
    const r = resolveAddressing(spec, 'client@example.com', { owner: 'Ayşe <ayse@firm.example>; TEAM@firm.example, client@EXAMPLE.com' });
    expect(r).toEqual({ cc: ['ayse@firm.example', 'TEAM@firm.example'], bcc: ['archive@firm.example'], replyTo: 'ayse@firm.example', problems: [] });
  });

  it('adds nobody for an empty cell and reports a value that is not an address', () => {
    expect(resolveAddressing(spec, 'c@example.com', { owner: null })).toMatchObject({ cc: ['team@firm.example'], replyTo: undefined, problems: [] });
    expect(resolveAddressing(spec, 'c@example.com', { owner: 'Ayşe Demir' }).problems).toEqual([
      { field: 'cc', column: 'owner', value: 'Ayşe Demir' },
      { field: 'bcc', column: 'owner', value: 'Ayşe Demir' },
      { field: 'replyTo', column: 'owner', value: 'Ayşe Demir' },
    ]);
  });
});
