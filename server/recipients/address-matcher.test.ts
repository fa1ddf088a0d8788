import { describe, expect, it } from 'vitest';
import { splitAddresses } from './address';
import { createAddressMatcher, readMatchEntry } from './address-matcher';

describe('splitAddresses', () => {
  it('splits a cell on ; and , and unwraps display names and mailto:', () => {
    expect(splitAddresses('a@x.tr; b@y.tr,, "Ayşe" <ayse@z.tr> ; mailto:c@x.tr')).toEqual(['a@x.tr', 'b@y.tr', 'ayse@z.tr', 'c@x.tr']);
    expect(splitAddresses(' Bora <bora@x.tr> ')).toEqual(['bora@x.tr']);
    expect(splitAddresses('  ')).toEqual([]);
    expect(splitAddresses(null)).toEqual([]);
  });
});

describe('suppression and exclusion entries', () => {
  it('reads addresses and domains as typed, and refuses anything else', () => {
    expect(readMatchEntry(' Ayse@Example.COM ')).toEqual({ kind: 'address', value: 'ayse@example.com' });
    expect(readMatchEntry('@Example.com')).toEqual({ kind: 'domain', value: 'example.com' });
    expect(readMatchEntry('şirket.com.tr')).toEqual({ kind: 'domain', value: 'xn--irket-idb.com.tr' });
    expect(readMatchEntry('localhost')).toBeNull();
    expect(readMatchEntry('a@@b')).toBeNull();
  });

  it('matches an address exactly (any case) and a domain with its subdomains, never a bare top-level domain', () => {
    const matches = createAddressMatcher(['ayse@example.com', 'blocked.org', 'com']);
    expect(matches('AYSE@example.com')).toBe(true);
    expect(matches('bora@example.com')).toBe(false);
    expect(matches('x@blocked.org')).toBe(true);
    expect(matches('x@mail.eu.blocked.org')).toBe(true);
    expect(matches('x@notblocked.org')).toBe(false);
    expect(matches('x@other.com')).toBe(false);
  });
});
