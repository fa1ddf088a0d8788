/**
 * Matching addresses against lists of addresses and domains: the organisation's suppression list
 * and a run's exclusions. A domain entry covers its subdomains too (`example.com` keeps out
 * `sales.example.com`): a list meant to stop mail should err on the side of stopping it.
 */
import { domainToASCII } from 'node:url';
import { isValidAddress, normaliseAddress } from './address';

/** An entry as stored and compared: lower case; a domain in its ASCII (punycode) form. */
export interface MatchEntry { kind: 'address' | 'domain'; value: string }

/** Normalises a typed entry (`Ayşe@Example.com`, `@example.com`, `şirket.com.tr`); null if it is neither. */
export function readMatchEntry(text: string): MatchEntry | null {
  const t = normaliseAddress(text).toLowerCase();
  const at = t.lastIndexOf('@');
  if (at > 0) {
    const domain = domainToASCII(t.slice(at + 1));
    const address = `${t.slice(0, at)}@${domain}`;
    return domain && isValidAddress(address) ? { kind: 'address', value: address } : null;
  }
  const domain = domainToASCII(at === 0 ? t.slice(1) : t);
  return domain && domain.includes('.') && isValidAddress(`x@${domain}`) ? { kind: 'domain', value: domain } : null;
}

/** A predicate saying whether an address is covered by any of the (already normalised) values. */
export function createAddressMatcher(values: Iterable<string>): (address: string) => boolean {
  const set = new Set(values);
  if (set.size === 0) return () => false;
  return (address) => {
    const lower = address.toLowerCase();
    if (set.has(lower)) return true;
    let domain = lower.slice(lower.lastIndexOf('@') + 1);
    for (;;) {
      if (set.has(domain)) return true;
      const dot = domain.indexOf('.');
      // Stop before the bare top-level domain: nobody suppresses all of `com`.
      if (dot < 0 || domain.indexOf('.', dot + 1) < 0) return false;
      domain = domain.slice(dot + 1);
    }
  };
}
