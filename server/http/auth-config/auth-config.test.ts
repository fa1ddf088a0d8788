import { describe, expect, it } from 'vitest';
import { AuthConfigResponse } from '../../../shared/api';
import { loadConfig } from '../../config';
import { authConfigOf } from './routes';

describe('auth-config', () => {
  it('says local in local mode', () => {
    expect(authConfigOf(loadConfig({}))).toEqual({ mode: 'local' });
  });

  it('names the client, the tenant authority and the API scope in Microsoft mode', () => {
    const config = loadConfig({
      SERIATIM_PROVIDER: 'graph',
      SERIATIM_TENANT_ID: 'organizations',
      SERIATIM_CLIENT_ID: 'c1d2',
      SERIATIM_CLIENT_SECRET: 's',
      SERIATIM_SECRET_KEY: Buffer.alloc(32, 1).toString('base64'),
      SERIATIM_API_AUDIENCE: 'api://pane.example.com/c1d2',
    });
    const body = AuthConfigResponse.parse(authConfigOf(config));
    expect(body).toEqual({
      mode: 'microsoft',
      clientId: 'c1d2',
      authority: 'https://login.microsoftonline.com/organizations',
      scope: 'api://pane.example.com/c1d2/access_as_user',
    });
  });
});
