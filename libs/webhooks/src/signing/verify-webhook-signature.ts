import { timingSafeEqual } from 'node:crypto';
import {
  WEBHOOK_ID_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_SIGNATURE_SCHEME,
  WEBHOOK_TIMESTAMP_HEADER,
} from '../webhooks.constant';
import { computeWebhookSignature } from './sign-webhook';

/** Node's `IncomingHttpHeaders`, a plain object with any casing, or fetch's `Headers`. */
export type WebhookRequestHeaders =
  { get(name: string): string | null } | Readonly<Record<string, string | readonly string[] | undefined>>;

export type WebhookVerificationFailure =
  'missing_headers' | 'malformed_signature' | 'timestamp_outside_tolerance' | 'signature_mismatch';

export type WebhookVerificationResult =
  | { readonly valid: true; readonly id: string; readonly timestamp: number }
  | { readonly valid: false; readonly reason: WebhookVerificationFailure };

const HEX_SHA256 = /^[0-9a-f]{64}$/;

/**
 * For receivers of Tenantpay webhooks: checks a request's signature against the endpoint secret and the
 * exact raw body bytes (verify before parsing JSON: a re-serialized body will not match), and that its
 * timestamp is within `toleranceSeconds` of now, which stops a captured request being replayed later.
 * Accepts the request when any `v1=` signature matches, so receivers keep working through secret rotation.
 */
export function verifyWebhookSignature(
  secret: string,
  headers: WebhookRequestHeaders,
  rawBody: string | Uint8Array,
  toleranceSeconds = 300,
  nowMs: number = Date.now(),
): WebhookVerificationResult {
  const id = readHeader(headers, WEBHOOK_ID_HEADER);
  const timestampHeader = readHeader(headers, WEBHOOK_TIMESTAMP_HEADER);
  const signatureHeader = readHeader(headers, WEBHOOK_SIGNATURE_HEADER);
  if (id === undefined || timestampHeader === undefined || signatureHeader === undefined)
    return { valid: false, reason: 'missing_headers' };

  let signedTimestamp: string | undefined;
  const candidates: string[] = [];
  for (const part of signatureHeader.split(',')) {
    const separator = part.indexOf('=');
    if (separator === -1) return { valid: false, reason: 'malformed_signature' };
    const key = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (key === 't') signedTimestamp = value;
    else if (key === WEBHOOK_SIGNATURE_SCHEME && HEX_SHA256.test(value)) candidates.push(value);
  }
  if (
    signedTimestamp === undefined ||
    signedTimestamp !== timestampHeader ||
    !/^\d{1,12}$/.test(signedTimestamp)
  )
    return { valid: false, reason: 'malformed_signature' };
  if (candidates.length === 0) return { valid: false, reason: 'malformed_signature' };

  const timestamp = Number(signedTimestamp);
  if (Math.abs(nowMs / 1000 - timestamp) > toleranceSeconds)
    return { valid: false, reason: 'timestamp_outside_tolerance' };

  const expected = Buffer.from(computeWebhookSignature(secret, id, timestamp, rawBody), 'hex');
  const matches = candidates.some((candidate) => timingSafeEqual(Buffer.from(candidate, 'hex'), expected));
  return matches ? { valid: true, id, timestamp } : { valid: false, reason: 'signature_mismatch' };
}

function readHeader(headers: WebhookRequestHeaders, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  }
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
