import { TenantpayApiError } from '@tenantpay/sdk';

/** A challenge that can no longer be answered (expired after five minutes, used, unknown), unlike a wrong code. */
export function isChallengeGone(error: unknown): boolean {
  return error instanceof TenantpayApiError && error.status === 401 && error.code !== 'invalid_mfa_code';
}
