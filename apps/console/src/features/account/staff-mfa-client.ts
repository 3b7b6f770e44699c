import { consoleApi } from '../../api/console-api';
import type { MfaClient } from './mfa-client';

/** A staff member's own second factor. */
export const staffMfaClient: MfaClient = {
  status: () => consoleApi.GET('/v1/auth/mfa'),
  startEnrolment: () => consoleApi.POST('/v1/auth/mfa/totp'),
  confirmEnrolment: async (code) =>
    (await consoleApi.POST('/v1/auth/mfa/totp/confirm', { body: { code } })).recoveryCodes,
  replaceRecoveryCodes: async (code) =>
    (await consoleApi.POST('/v1/auth/mfa/recovery-codes', { body: { code } })).recoveryCodes,
  disable: async (proof) => {
    await consoleApi.POST('/v1/auth/mfa/disable', { body: proof });
  },
};
