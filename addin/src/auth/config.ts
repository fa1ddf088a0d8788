import { AuthConfigResponse } from '../../../shared/api';
import { apiUrl } from '../api';

/** How this server wants the pane to sign in (`GET /api/auth-config`, public); local when unreachable. */
export async function fetchAuthConfig(): Promise<AuthConfigResponse> {
  try {
    const response = await fetch(apiUrl('/api/auth-config'), { headers: { Accept: 'application/json' } });
    const parsed = AuthConfigResponse.safeParse(await response.json());
    return parsed.success ? parsed.data : { mode: 'local' };
  } catch {
    return { mode: 'local' };
  }
}
