import { createTenantpayClient } from '@tenantpay/sdk';
import { newIdempotencyKey } from '../../api/new-idempotency-key';
import { createAccessTokenRenewal } from '../../api/renew-access-token';
import { createSessionFetch } from '../../api/session-fetch';
import {
  PLATFORM_COOKIE_PATHS,
  PLATFORM_REFRESH_PATH,
  PLATFORM_SESSION_PATHS,
} from '../platform-console.constant';

/** Renews the operator's access token from the platform refresh cookie (one renewal at a time across tabs). */
export const renewPlatformAccessToken = createAccessTokenRenewal(PLATFORM_REFRESH_PATH);

/** The platform console's transport: the staff console's, over the platform's session routes. */
export const platformSessionFetch = createSessionFetch({
  sessionPaths: PLATFORM_SESSION_PATHS,
  cookiePaths: PLATFORM_COOKIE_PATHS,
  renew: renewPlatformAccessToken,
});

/** The typed API client every platform screen uses, over the platform's host (which resolves no tenant). */
export const platformApi = createTenantpayClient({
  baseUrl: window.location.origin,
  fetch: platformSessionFetch,
  newIdempotencyKey,
});
