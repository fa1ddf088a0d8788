import type { User } from '../store/users';
import type { PacerLimits } from './pacer';

/** The limits an organisation's administrator set for its mailboxes; each one given replaces the provider's. */
export interface OrganisationLimits {
  perMinute?: number;
  perDay?: number;
  concurrency?: number;
}

/** The limits one mailbox is paced to. */
export type LimitsFor = (owner: Pick<User, 'tenantId'>) => PacerLimits;

/**
 * The provider's limits, with an organisation's own where it has them (keyed by tenant id: an
 * Exchange administrator may have lowered the recipient rate for the whole organisation, or a
 * relay in front of an SMTP server may allow less than the default).
 */
export function limitsByOrganisation(provider: PacerLimits, organisations: Record<string, OrganisationLimits>): LimitsFor {
  return (owner) => {
    const own = Object.hasOwn(organisations, owner.tenantId) ? organisations[owner.tenantId] : undefined;
    return own ? { ...provider, ...own } : provider;
  };
}
