/**
 * What Entra ID's refusals mean for the pane, decided once. An expired assertion is a 401 the pane
 * answers by getting a fresh token and retrying once; a claims challenge (MFA, Conditional
 * Access) is a 401 carrying the claims the pane must pass to its next interactive sign-in;
 * missing consent is a 403 that says who must consent and where.
 */
import { AppError } from '../errors';
import { SealedBoxError } from './sealed';

interface MsalLike { name?: string; errorCode?: string; errorMessage?: string; subError?: string; errorNo?: string | number; claims?: string }

const CONSENT = ['65001', '65004', '90094', '90095'];
const EXPIRED_ASSERTION = ['500133', '50013'];
const GRANT_GONE = ['70000', '700082', '700084', '50173', '50078'];

function aadstsNumber(e: MsalLike): string {
  if (e.errorNo !== undefined && e.errorNo !== null && String(e.errorNo) !== '') return String(e.errorNo);
  return /AADSTS(\d+)/.exec(e.errorMessage ?? '')?.[1] ?? '';
}

/** Maps an MSAL (or grant decryption) failure to the AppError the pane acts on. Tokens never appear in it. */
export function toAuthError(err: unknown, flow: 'on-behalf-of' | 'background'): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof SealedBoxError) {
    return new AppError('UNAUTHENTICATED', 'The stored background-sending permission cannot be read; allow background sending again.', { reason: 'grant-unreadable' });
  }
  const e = (typeof err === 'object' && err !== null ? err : {}) as MsalLike;
  const no = aadstsNumber(e);
  if (e.claims) {
    return new AppError('UNAUTHENTICATED', 'Microsoft 365 asks you to verify your sign-in again (for example with MFA).', { reason: 'claims-challenge', claims: e.claims });
  }
  if (CONSENT.includes(no) || e.subError === 'consent_required' || e.errorCode === 'consent_required') {
    return new AppError('FORBIDDEN', 'Seriatim is not yet allowed to use your mailbox. Ask an administrator to grant admin consent for the Seriatim app (see docs/deploy.md, "Admin consent"), or accept the consent prompt when signing in.', { reason: 'consent-required', aadsts: no || undefined });
  }
  if (flow === 'on-behalf-of' && EXPIRED_ASSERTION.includes(no)) {
    return new AppError('UNAUTHENTICATED', 'Your sign-in has expired; Seriatim will get a fresh one.', { reason: 'token-expired' });
  }
  if (flow === 'background' && (GRANT_GONE.includes(no) || e.errorCode === 'invalid_grant' || e.name === 'InteractionRequiredAuthError')) {
    return new AppError('UNAUTHENTICATED', 'Background sending is no longer allowed by Microsoft 365 (the permission expired or was revoked); open Seriatim and allow background sending again.', { reason: 'grant-expired', aadsts: no || undefined });
  }
  if (e.name === 'InteractionRequiredAuthError' || e.errorCode === 'invalid_grant') {
    return new AppError('UNAUTHENTICATED', 'Sign in to Microsoft 365 again.', { reason: 'interaction-required', aadsts: no || undefined });
  }
  return new AppError('PROVIDER_FAILED', 'Microsoft Entra ID could not issue a token right now; try again shortly.', { reason: 'entra-unavailable', aadsts: no || undefined });
}
