import { describe, expect, it } from 'vitest';
import { draftRecipientRows } from './draft-recipients';

describe('draftRecipientRows', () => {
  it('lists To before Cc, each address once whatever its case, with the name only when it says more than the address', () => {
    const rows = draftRecipientRows({
      toRecipients: [
        { emailAddress: { address: 'ayse@example.com', name: 'Ayşe Yılmaz' } },
        { emailAddress: { address: ' bora@example.com ', name: 'bora@example.com' } },
        { emailAddress: { name: 'No address' } },
      ],
      ccRecipients: [{ emailAddress: { address: 'AYSE@EXAMPLE.COM', name: 'Ayşe' } }, { emailAddress: { address: 'olga@example.com', name: 'Ольга' } }],
    });
    expect(rows).toEqual([
      { email: 'ayse@example.com', name: 'Ayşe Yılmaz', recipientType: 'to' },
      { email: 'bora@example.com', name: null, recipientType: 'to' },
      { email: 'olga@example.com', name: 'Ольга', recipientType: 'cc' },
    ]);
  });

  it('gives no rows for a draft without addressees', () => {
    expect(draftRecipientRows({ subject: 'Nobody yet' })).toEqual([]);
  });
});
