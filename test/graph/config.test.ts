import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';

const GRAPH = {
  SERIATIM_PROVIDER: 'graph', SERIATIM_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47', SERIATIM_CLIENT_ID: 'c1',
  SERIATIM_CLIENT_SECRET: 's', SERIATIM_SECRET_KEY: Buffer.alloc(32, 1).toString('base64'),
};

describe('Microsoft 365 configuration', () => {
  it('leaves local mode the default, with no Microsoft settings', () => {
    const c = loadConfig({});
    expect(c.provider).toBe('local');
    expect(c.graph).toBeNull();
  });

  it('reads the app registration, with Graph, Entra ID and the tenant keys at their public addresses', () => {
    const g = loadConfig(GRAPH).graph!;
    expect(g).toMatchObject({
      tenantId: GRAPH.SERIATIM_TENANT_ID, clientId: 'c1', audiences: ['c1', 'api://c1'], graphUrl: 'https://graph.microsoft.com/v1.0',
      authorityUrl: 'https://login.microsoftonline.com', jwksUrl: `https://login.microsoftonline.com/${GRAPH.SERIATIM_TENANT_ID}/discovery/v2.0/keys`,
    });
    expect(g.secretKey).toHaveLength(32);
    expect(loadConfig({ ...GRAPH, SERIATIM_TENANT_ID: 'organizations' }).graph!.jwksUrl).toBe('https://login.microsoftonline.com/common/discovery/v2.0/keys');
  });

  it('names every missing setting, and refuses a key that is not 32 bytes', () => {
    expect(() => loadConfig({ SERIATIM_PROVIDER: 'graph' })).toThrow(/SERIATIM_TENANT_ID, SERIATIM_CLIENT_ID, SERIATIM_CLIENT_SECRET, SERIATIM_SECRET_KEY/);
    expect(() => loadConfig({ ...GRAPH, SERIATIM_SECRET_KEY: 'c2hvcnQ=' })).toThrow(ConfigError);
  });
});
