/**
 * Header names and defaults of the Tenantpay SDK. The SDK is installed by integrators on its own, so it cannot
 * import the server's constants; its specs check these against the server (webhooks signed by the server's own
 * signer, requests answered by the real API).
 */

export const API_KEY_HEADER = 'X-API-Key';
export const AUTHORIZATION_HEADER = 'Authorization';
export const TENANT_HEADER = 'X-Tenant-ID';
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const RETRY_AFTER_HEADER = 'Retry-After';
export const REQUEST_ID_HEADER = 'X-Request-Id';

/**
 * `POST` operations that move money, keyed by their path in the OpenAPI document. The client gives each call
 * an Idempotency-Key unless the caller passed one, so a retry (its own or the caller's) never pays twice.
 */
export const MONEY_MOVING_OPERATIONS: ReadonlySet<string> = new Set([
  '/v1/payments',
  '/v1/payments/{id}/refund',
  '/v1/payments/batches',
]);

/** Statuses the API answers before doing any work (rate limit, quota, admission, a dependency down). */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503]);
export const DEFAULT_MAX_RETRIES = 3;
/** A Retry-After longer than this is not waited for: the error goes to the caller, who decides. */
export const DEFAULT_MAX_RETRY_DELAY_MS = 30_000;
/** When a retryable answer carries no Retry-After: 0.5 s, doubling per attempt. */
export const DEFAULT_RETRY_BASE_DELAY_MS = 500;

export const WEBHOOK_ID_HEADER = 'Tenantpay-Webhook-Id';
export const WEBHOOK_TIMESTAMP_HEADER = 'Tenantpay-Webhook-Timestamp';
export const WEBHOOK_SIGNATURE_HEADER = 'Tenantpay-Webhook-Signature';
/** The signature scheme the SDK checks; a future scheme gets a new key (`v2=`) next to it. */
export const WEBHOOK_SIGNATURE_SCHEME = 'v1';
/** How far a delivery's signed timestamp may be from now before it is refused as a replay. */
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;
