/**
 * Queue, job and header names of the webhooks library, and the wire format of a delivery, in one place.
 *
 * A delivery is `POST <endpoint url>` with `Content-Type: application/json` and the body
 * `{ "id": "<event id>", "type": "<event type>", "created": <unix seconds>, "data": { … } }`, plus:
 *
 * - `Tenantpay-Webhook-Id`: the event id; the same on every attempt and replay, so receivers can dedupe.
 * - `Tenantpay-Webhook-Timestamp`: unix seconds when this attempt was signed.
 * - `Tenantpay-Webhook-Signature`: `t=<timestamp>,v1=<hex>` where `<hex>` is
 *   HMAC-SHA256(key = the endpoint secret exactly as shown, `whsec_…` included,
 *   message = `<id>.<timestamp>.<raw body>`). While a rotated-out secret is still in its grace period the
 *   header carries one `v1=` per valid secret; a receiver accepts the request if any of them matches.
 *
 * Receivers verify with the SDK's `verifyWebhook` (@tenantpay/sdk; or the same steps in any language), reject
 * timestamps outside a tolerance (replay protection), answer 2xx quickly, and answer 410 to unsubscribe for good.
 */

export const WEBHOOK_ID_HEADER = 'Tenantpay-Webhook-Id';
export const WEBHOOK_TIMESTAMP_HEADER = 'Tenantpay-Webhook-Timestamp';
export const WEBHOOK_SIGNATURE_HEADER = 'Tenantpay-Webhook-Signature';
export const WEBHOOK_USER_AGENT = 'Tenantpay-Webhooks/1';

/** The only signature scheme so far; a future scheme gets a new key (`v2=`) next to it. */
export const WEBHOOK_SIGNATURE_SCHEME = 'v1';
export const WEBHOOK_SECRET_PREFIX = 'whsec_';

export const WEBHOOK_DELIVERY_QUEUE = 'webhook-deliveries';
export const WEBHOOK_DELIVERY_JOB = 'deliver';
/** The custom BullMQ backoff type; the worker registers webhookBackoffStrategy for it. */
export const WEBHOOK_BACKOFF_TYPE = 'webhook-schedule';

/** Default delays between attempts: retries for about a day after the first failure (23 h 36 min). */
export const DEFAULT_WEBHOOK_RETRY_DELAYS_MS: readonly number[] = Object.freeze([
  60_000, // 1 min
  5 * 60_000, // 5 min
  30 * 60_000, // 30 min
  60 * 60_000, // 1 h
  2 * 3_600_000, // 2 h
  6 * 3_600_000, // 6 h
  14 * 3_600_000, // 14 h
]);
/** Each delay varies by up to ±this fraction, so endpoints that failed together are not retried in lockstep. */
export const DEFAULT_WEBHOOK_RETRY_JITTER = 0.1;
export const DEFAULT_WEBHOOK_ATTEMPT_TIMEOUT_MS = 10_000;

/** How much of a response body is kept in the delivery log. */
export const WEBHOOK_RESPONSE_BODY_LOG_LIMIT = 1024;
export const WEBHOOK_URL_MAX_LENGTH = 2048;
/** A serialized event body larger than this is refused at publish time. */
export const WEBHOOK_EVENT_BODY_MAX_BYTES = 64 * 1024;
export const WEBHOOK_ENDPOINTS_PER_TENANT_MAX = 20;
/** The longest a rotated-out secret may keep signing next to the new one. */
export const WEBHOOK_PREVIOUS_SECRET_MAX_TTL_SECONDS = 7 * 24 * 3600;
