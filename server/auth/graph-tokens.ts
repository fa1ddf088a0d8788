import { AppError } from '../errors';
import type { GraphUser, TokenSource } from '../providers/graph/graph-provider';
import type { Db } from '../store/db';
import { findGrant } from '../store/grants';
import type { AssertionCache } from './assertions';
import type { AccountKey, TokenClient } from './token-client';

/**
 * The scopes asked for. Entra ID puts every delegated Graph permission the user or admin consented
 * to into the token (Contacts.Read, User.Read.All, ...), so asking for the two sending needs is
 * enough. Not `.default`: Entra answers it with the individual scopes, so MSAL could never match
 * its cache and would fetch a new token for every Graph call.
 */
export const GRAPH_SCOPES = ['https://graph.microsoft.com/Mail.ReadWrite', 'https://graph.microsoft.com/Mail.Send'];

/** The Microsoft account of a Seriatim user id (`oid.tid`). */
export function accountOf(userId: string): AccountKey {
  return { userId, tenantId: userId.split('.')[1] ?? 'organizations' };
}

/**
 * Graph tokens for a user: on behalf of the pane's current token while the user has Seriatim
 * open, otherwise from their background grant. Without either, sending waits for the user.
 */
export class DelegatedTokenSource implements TokenSource {
  constructor(private readonly db: Db, private readonly client: TokenClient, private readonly assertions: AssertionCache) {}

  async getToken(user: GraphUser): Promise<string> {
    const account = accountOf(user.id);
    const assertion = this.assertions.current(user.id);
    const hasGrant = () => findGrant(this.db, user.id) !== undefined;
    if (assertion) {
      try {
        return await this.client.onBehalfOf(account, assertion, GRAPH_SCOPES);
      } catch (err) {
        // A pane token Entra ID no longer takes need not stop a run that has a grant.
        if (!hasGrant()) throw err;
      }
    }
    if (hasGrant()) return this.client.background(account, GRAPH_SCOPES);
    throw new AppError('UNAUTHENTICATED', 'Seriatim has no Microsoft 365 sign-in for this user right now.', { reason: 'sign-in-required' });
  }
}
