import { createTenantpayClient } from '@tenantpay/sdk';
import { newIdempotencyKey } from './new-idempotency-key';
import { sessionFetch } from './session-fetch';

/**
 * The typed API client every screen uses: the SDK's (checked against the API's OpenAPI document, errors as
 * TenantpayApiError, Idempotency-Keys on money-moving POSTs, 429/503 retried after Retry-After) over this
 * host, whose name tells the API which tenant it serves.
 */
export const consoleApi = createTenantpayClient({
  baseUrl: window.location.origin,
  fetch: sessionFetch,
  newIdempotencyKey,
});
