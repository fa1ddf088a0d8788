import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import type { Db } from '../store/db';
import { findGrant, saveGrant } from '../store/grants';
import { seal, unseal } from './sealed';

/**
 * MSAL's cache plugin seam, bound to one user's background grant: before MSAL reads its cache the
 * stored blob is decrypted into it; after a change (a new or refreshed token) the cache is
 * encrypted (AES-256-GCM) and written back. The store never sees a token in clear.
 */
export class GrantCachePlugin implements ICachePlugin {
  private active = true;

  constructor(private readonly db: Db, private readonly key: Buffer, private readonly userId: string, private readonly scopes: string[]) {}

  async beforeCacheAccess(context: TokenCacheContext): Promise<void> {
    const grant = findGrant(this.db, this.userId);
    if (grant) context.tokenCache.deserialize(unseal(this.key, this.userId, grant.cache));
  }

  async afterCacheAccess(context: TokenCacheContext): Promise<void> {
    if (!this.active || !context.cacheHasChanged) return;
    saveGrant(this.db, this.userId, seal(this.key, this.userId, context.tokenCache.serialize()), this.scopes);
  }

  /** Stops writing (after revocation), so a token request still in flight cannot bring the grant back. */
  deactivate(): void {
    this.active = false;
  }
}
