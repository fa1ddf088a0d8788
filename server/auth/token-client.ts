import { ConfidentialClientApplication, type Configuration, type INetworkModule } from '@azure/msal-node';
import type { Db } from '../store/db';
import { deleteGrant } from '../store/grants';
import { toAuthError } from './entra-errors';
import { GrantCachePlugin } from './grant-cache';

/** The Microsoft account behind a Seriatim user (user id = `oid.tid`, MSAL's home account id). */
export interface AccountKey { userId: string; tenantId: string }

/**
 * Where Graph tokens come from. The MSAL implementation is the real one; tests inject their own
 * to reach the Graph emulator. Failures are AppErrors from `toAuthError`.
 */
export interface TokenClient {
  /** On-behalf-of the pane's access token (the assertion); cached in memory only. */
  onBehalfOf(account: AccountKey, assertion: string, scopes: string[]): Promise<string>;
  /** On-behalf-of once more, keeping the refreshable result as the user's encrypted background grant. */
  grant(account: AccountKey, assertion: string, scopes: string[]): Promise<void>;
  /** A token from the stored grant, refreshed as needed; no user present. */
  background(account: AccountKey, scopes: string[]): Promise<string>;
  /** Forgets the grant (store and memory). */
  revoke(account: AccountKey): Promise<void>;
}

/** Settings of the MSAL token client. */
export interface MsalTokenClientOptions {
  db: Db;
  clientId: string;
  clientSecret: string;
  authorityUrl: string;
  /** Key for the grants at rest. */
  secretKey: Buffer;
  /** Replaces MSAL's HTTP client (tests answer as Entra ID would). */
  networkClient?: INetworkModule;
}

/**
 * Graph tokens through `@azure/msal-node`. OBO results for a pane session live in one in-memory
 * confidential client; each background grant has its own client whose cache plugin keeps the
 * user's refreshable cache encrypted in the store, so a restarted server keeps sending.
 */
export class MsalTokenClient implements TokenClient {
  private readonly session: ConfidentialClientApplication;
  private readonly grants = new Map<string, { app: ConfidentialClientApplication; plugin: GrantCachePlugin }>();

  constructor(private readonly options: MsalTokenClientOptions) {
    this.session = new ConfidentialClientApplication(this.configure('organizations'));
  }

  async onBehalfOf(account: AccountKey, assertion: string, scopes: string[]): Promise<string> {
    try {
      const result = await this.session.acquireTokenOnBehalfOf({ oboAssertion: assertion, scopes, authority: this.authority(account.tenantId) });
      if (!result) throw new Error('no token');
      return result.accessToken;
    } catch (err) {
      throw toAuthError(err, 'on-behalf-of');
    }
  }

  async grant(account: AccountKey, assertion: string, scopes: string[]): Promise<void> {
    try {
      // skipCache: always a fresh exchange, so the stored refresh token is the newest one.
      const result = await this.grantApp(account, scopes).app.acquireTokenOnBehalfOf({ oboAssertion: assertion, scopes, skipCache: true });
      if (!result) throw new Error('no token');
    } catch (err) {
      throw toAuthError(err, 'on-behalf-of');
    }
  }

  async background(account: AccountKey, scopes: string[]): Promise<string> {
    try {
      const { app } = this.grantApp(account, scopes);
      const accounts = await app.getTokenCache().getAllAccounts();
      const owner = accounts.find((a) => a.homeAccountId === account.userId);
      if (!owner) throw Object.assign(new Error('no grant'), { name: 'InteractionRequiredAuthError', errorCode: 'no_account' });
      return (await app.acquireTokenSilent({ account: owner, scopes })).accessToken;
    } catch (err) {
      throw toAuthError(err, 'background');
    }
  }

  async revoke(account: AccountKey): Promise<void> {
    this.grants.get(account.userId)?.plugin.deactivate();
    this.grants.delete(account.userId);
    deleteGrant(this.options.db, account.userId);
  }

  private grantApp(account: AccountKey, scopes: string[]) {
    let entry = this.grants.get(account.userId);
    if (!entry) {
      const plugin = new GrantCachePlugin(this.options.db, this.options.secretKey, account.userId, scopes);
      const app = new ConfidentialClientApplication({ ...this.configure(account.tenantId), cache: { cachePlugin: plugin } });
      entry = { app, plugin };
      this.grants.set(account.userId, entry);
    }
    return entry;
  }

  private authority(tenant: string): string {
    return `${this.options.authorityUrl.replace(/\/+$/, '')}/${tenant}`;
  }

  private configure(tenant: string): Configuration {
    const host = new URL(this.options.authorityUrl).host;
    return {
      auth: {
        clientId: this.options.clientId,
        clientSecret: this.options.clientSecret,
        authority: this.authority(tenant),
        // Entra ID's own host is discovered; any other (a sovereign cloud, a test double) is trusted as configured.
        ...(host === 'login.microsoftonline.com' ? {} : { knownAuthorities: [host] }),
      },
      system: this.options.networkClient ? { networkClient: this.options.networkClient } : {},
    };
  }
}
