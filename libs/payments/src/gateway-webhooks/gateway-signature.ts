import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The gateway's webhook signature: `t=<unix seconds>,v1=<hex HMAC-SHA256 over "<t>.<raw body>">`. Signing
 * the timestamp with the body lets the receiver refuse old captures (replays) without trusting a clock the
 * attacker controls; the raw bytes are signed because any re-serialisation of parsed JSON may differ.
 */
export function signGatewayPayload(
  secret: string,
  rawBody: Buffer | string,
  timestampSeconds: number,
): string {
  const mac = createHmac('sha256', secret).update(`${timestampSeconds}.`).update(rawBody).digest('hex');
  return `t=${timestampSeconds},v1=${mac}`;
}

export function verifyGatewaySignature(
  secret: string,
  rawBody: Buffer,
  header: string | undefined,
  nowSeconds: number,
  toleranceSeconds: number,
): boolean {
  if (header === undefined || header.length > 1024) return false;
  const parts = new Map<string, string[]>();
  for (const part of header.split(',')) {
    const [name, value] = part.trim().split('=', 2);
    if (name === undefined || value === undefined) continue;
    parts.set(name, [...(parts.get(name) ?? []), value]);
  }
  const timestamp = Number(parts.get('t')?.[0]);
  if (!Number.isSafeInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signGatewayPayload(secret, rawBody, timestamp).split('v1=')[1] ?? '', 'hex');
  // Several v1 values are allowed so the gateway can sign with an old and a new secret during rotation.
  return (parts.get('v1') ?? []).some((candidate) => {
    const given = Buffer.from(candidate, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
