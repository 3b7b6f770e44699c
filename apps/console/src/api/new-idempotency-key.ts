/**
 * A fresh Idempotency-Key from 128 random bits. Not crypto.randomUUID(): browsers offer it only in secure
 * contexts, and a tenant host may be served over plain http (local runs, tests); getRandomValues works on both.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `console-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
