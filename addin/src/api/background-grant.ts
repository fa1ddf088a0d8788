import { BackgroundGrantStatus } from '../../../shared/api';
import { request, requestJson } from './http';

/** Microsoft mode: whether runs may keep sending with Outlook closed. */
export const getBackgroundGrant = () => requestJson('/api/background-grant', BackgroundGrantStatus);

/** Allows background sending: the server keeps a sealed token from the current sign-in. */
export const allowBackgroundSending = () => requestJson('/api/background-grant', BackgroundGrantStatus, { method: 'POST' });

/** Revokes background sending: the server deletes the sealed token; the status afterwards. */
export const revokeBackgroundSending = async (): Promise<BackgroundGrantStatus> => {
  await request('/api/background-grant', { method: 'DELETE' });
  return { granted: false, grantedAt: null, updatedAt: null };
};
