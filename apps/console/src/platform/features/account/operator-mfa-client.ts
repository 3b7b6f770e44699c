import type { MfaClient } from '../../../features/account/mfa-client';
import { platformApi } from '../../api/platform-api';

/** A platform operator's own second factor. */
export const operatorMfaClient: MfaClient = {
  status: () => platformApi.GET('/v1/platform/auth/mfa'),
  startEnrolment: () => platformApi.POST('/v1/platform/auth/mfa/totp'),
  confirmEnrolment: async (code) =>
    (await platformApi.POST('/v1/platform/auth/mfa/totp/confirm', { body: { code } })).recoveryCodes,
  replaceRecoveryCodes: async (code) =>
    (await platformApi.POST('/v1/platform/auth/mfa/recovery-codes', { body: { code } })).recoveryCodes,
  disable: async (proof) => {
    await platformApi.POST('/v1/platform/auth/mfa/disable', { body: proof });
  },
};
