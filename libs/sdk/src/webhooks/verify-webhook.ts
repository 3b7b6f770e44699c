import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
  WEBHOOK_ID_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_SIGNATURE_SCHEME,
  WEBHOOK_TIMESTAMP_HEADER,
} from '../sdk.constant';
import type { WebhookEvent } from './webhook-event';
import { WebhookVerificationError } from './webhook-verification.error';

/** Node's `IncomingHttpHeaders`, a plain object with any casing, or fetch's `Headers`. */
export type WebhookRequestHeaders =
  { get(name: string): string | null } | Readonly<Record<string, string | readonly string[] | undefined>>;

export interface VerifyWebhookOptions {
  /** The request body exactly as received: bytes or their UTF-8 string, never re-serialized JSON. */
  readonly payload: string | Uint8Array;
  readonly headers: WebhookRequestHeaders;
  /** The endpoint's signing secret as shown once at creation or rotation, `whsec_` prefix included. */
  readonly secret: string;
  /** How far the signed timestamp may be from now (default 300 s): a captured request replays no longer. */
  readonly toleranceSeconds?: number;
  /** Now, in ms (for tests). */
  readonly nowMs?: number;
}

const HEX_SHA256 = /^[0-9a-f]{64}$/;
const UNIX_SECONDS = /^\d{1,12}$/;

/**
 * Checks a Tenantpay webhook request and returns its event, or throws WebhookVerificationError. The check is
 * the one the server signs for: `Tenantpay-Webhook-Signature: t=<unix s>,v1=<hex>[,v1=<hex>…]`, where each
 * `<hex>` is HMAC-SHA256, keyed by the whole `whsec_…` secret, of `<Tenantpay-Webhook-Id>.<t>.<raw body>`. The
 * request is accepted when `t` equals the Tenantpay-Webhook-Timestamp header, lies within the tolerance of
 * now, and any `v1` signature matches (while a rotated-out secret is in its grace period the server signs
 * with both). Signatures are compared in constant time.
 */
export function verifyWebhook(options: VerifyWebhookOptions): WebhookEvent {
  const { headers, payload, secret } = options;
  const tolerance = options.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
  const id = readHeader(headers, WEBHOOK_ID_HEADER);
  const timestampHeader = readHeader(headers, WEBHOOK_TIMESTAMP_HEADER);
  const signatureHeader = readHeader(headers, WEBHOOK_SIGNATURE_HEADER);
  if (id === undefined || timestampHeader === undefined || signatureHeader === undefined)
    throw new WebhookVerificationError(
      'missing_headers',
      `${WEBHOOK_ID_HEADER}, ${WEBHOOK_TIMESTAMP_HEADER} and ${WEBHOOK_SIGNATURE_HEADER} are each required once.`,
    );

  const { signedTimestamp, signatures } = parseSignatureHeader(signatureHeader);
  if (signedTimestamp === undefined || !UNIX_SECONDS.test(signedTimestamp) || signatures.length === 0)
    throw new WebhookVerificationError(
      'malformed_signature',
      'The signature header is not t=<unix>,v1=<hex>.',
    );
  if (signedTimestamp !== timestampHeader)
    throw new WebhookVerificationError(
      'malformed_signature',
      'The signed timestamp differs from the header.',
    );

  const timestamp = Number(signedTimestamp);
  const nowSeconds = (options.nowMs ?? Date.now()) / 1000;
  if (Math.abs(nowSeconds - timestamp) > tolerance)
    throw new WebhookVerificationError(
      'timestamp_outside_tolerance',
      `The request was signed ${Math.round(nowSeconds - timestamp)} s from now, beyond ${tolerance} s.`,
    );

  const expected = createHmac('sha256', secret)
    .update(`${id}.${signedTimestamp}.`, 'utf8')
    .update(payload)
    .digest();
  if (!signatures.some((signature) => timingSafeEqual(Buffer.from(signature, 'hex'), expected)))
    throw new WebhookVerificationError('signature_mismatch', 'No signature matches this secret.');

  return parseEvent(payload);
}

function parseSignatureHeader(value: string): { signedTimestamp?: string; signatures: string[] } {
  let signedTimestamp: string | undefined;
  const signatures: string[] = [];
  for (const part of value.split(',')) {
    const separator = part.indexOf('=');
    if (separator === -1) return { signatures: [] };
    const key = part.slice(0, separator).trim();
    const entry = part.slice(separator + 1).trim();
    // A second `t=` would leave it open which one was signed.
    if (key === 't') {
      if (signedTimestamp !== undefined) return { signatures: [] };
      signedTimestamp = entry;
    } else if (key === WEBHOOK_SIGNATURE_SCHEME && HEX_SHA256.test(entry)) signatures.push(entry);
  }
  return signedTimestamp === undefined ? { signatures } : { signedTimestamp, signatures };
}

function parseEvent(payload: string | Uint8Array): WebhookEvent {
  const text = typeof payload === 'string' ? payload : Buffer.from(payload).toString('utf8');
  let event: unknown;
  try {
    event = JSON.parse(text);
  } catch {
    throw new WebhookVerificationError('malformed_body', 'The signed body is not JSON.');
  }
  const { id, type, created, data } = (event ?? {}) as Record<string, unknown>;
  if (
    typeof id !== 'string' ||
    typeof type !== 'string' ||
    typeof created !== 'number' ||
    typeof data !== 'object' ||
    data === null
  )
    throw new WebhookVerificationError('malformed_body', 'The signed body is not a Tenantpay event.');
  return event as WebhookEvent;
}

function readHeader(headers: WebhookRequestHeaders, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === 'function')
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers as Record<string, unknown>)) {
    if (key.toLowerCase() !== lower) continue;
    if (typeof value === 'string') return value;
    // A header repeated by a proxy is ambiguous; refuse rather than pick one.
    if (Array.isArray(value) && value.length === 1 && typeof value[0] === 'string') return value[0];
    return undefined;
  }
  return undefined;
}
