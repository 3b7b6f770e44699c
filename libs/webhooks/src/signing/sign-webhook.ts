import { createHmac } from 'node:crypto';
import { WEBHOOK_SIGNATURE_SCHEME } from '../webhooks.constant';

/** The hex HMAC-SHA256 of `<id>.<timestamp>.<body>` under `secret` (the whole `whsec_…` string is the key). */
export function computeWebhookSignature(
  secret: string,
  id: string,
  timestamp: number,
  body: string | Uint8Array,
): string {
  return createHmac('sha256', secret).update(`${id}.${timestamp}.`, 'utf8').update(body).digest('hex');
}

/** The `Tenantpay-Webhook-Signature` value: `t=<timestamp>,v1=<hex>[,v1=<hex>…]`, one per valid secret. */
export function signatureHeaderValue(
  secrets: readonly string[],
  id: string,
  timestamp: number,
  body: string,
): string {
  return [
    `t=${timestamp}`,
    ...secrets.map(
      (secret) => `${WEBHOOK_SIGNATURE_SCHEME}=${computeWebhookSignature(secret, id, timestamp, body)}`,
    ),
  ].join(',');
}
