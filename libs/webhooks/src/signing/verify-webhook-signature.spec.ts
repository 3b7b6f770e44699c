import fc from 'fast-check';
import { WEBHOOK_ID_HEADER, WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER } from '../webhooks.constant';
import { computeWebhookSignature, signatureHeaderValue } from './sign-webhook';
import { verifyWebhookSignature } from './verify-webhook-signature';

const SECRET = 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXg';
const NOW = 1_750_000_000_000;
const T = NOW / 1000;
const BODY = '{"id":"e1","type":"payment.completed","created":1750000000,"data":{"amount":1000}}';

function signed(secrets: string[] = [SECRET], timestamp = T, id = 'e1', body = BODY) {
  return {
    [WEBHOOK_ID_HEADER.toLowerCase()]: id,
    [WEBHOOK_TIMESTAMP_HEADER.toLowerCase()]: String(timestamp),
    [WEBHOOK_SIGNATURE_HEADER.toLowerCase()]: signatureHeaderValue(secrets, id, timestamp, body),
  };
}

describe('verifyWebhookSignature', () => {
  it('accepts a request signed with the secret, from Node headers, raw Buffer body', () => {
    expect(verifyWebhookSignature(SECRET, signed(), Buffer.from(BODY), 300, NOW)).toEqual({
      valid: true,
      id: 'e1',
      timestamp: T,
    });
  });

  it('accepts fetch Headers and a string body', () => {
    const headers = new Headers(signed());
    expect(verifyWebhookSignature(SECRET, headers, BODY, 300, NOW).valid).toBe(true);
  });

  it('signs exactly HMAC-SHA256("<id>.<timestamp>.<body>") in hex, as documented', () => {
    const { createHmac } = jest.requireActual<typeof import('node:crypto')>('node:crypto');
    const expected = createHmac('sha256', SECRET).update(`e1.${T}.${BODY}`).digest('hex');
    expect(computeWebhookSignature(SECRET, 'e1', T, BODY)).toBe(expected);
    expect(signed()[WEBHOOK_SIGNATURE_HEADER.toLowerCase()]).toBe(`t=${T},v1=${expected}`);
  });

  it('accepts when any of several v1 signatures matches (secret rotation)', () => {
    const headers = signed(['whsec_new-secret', SECRET]);
    expect(verifyWebhookSignature(SECRET, headers, BODY, 300, NOW).valid).toBe(true);
    expect(verifyWebhookSignature('whsec_new-secret', headers, BODY, 300, NOW).valid).toBe(true);
  });

  it('refuses another secret', () => {
    expect(verifyWebhookSignature('whsec_other', signed(), BODY, 300, NOW)).toEqual({
      valid: false,
      reason: 'signature_mismatch',
    });
  });

  it('refuses any change to the body', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (suffix) => {
        expect(verifyWebhookSignature(SECRET, signed(), BODY + suffix, 300, NOW).valid).toBe(false);
      }),
    );
  });

  it('refuses a changed id', () => {
    const headers = { ...signed(), [WEBHOOK_ID_HEADER.toLowerCase()]: 'e2' };
    expect(verifyWebhookSignature(SECRET, headers, BODY, 300, NOW).valid).toBe(false);
  });

  it('refuses a timestamp header that differs from the signed one', () => {
    const headers = { ...signed(), [WEBHOOK_TIMESTAMP_HEADER.toLowerCase()]: String(T + 1) };
    expect(verifyWebhookSignature(SECRET, headers, BODY, 300, NOW)).toEqual({
      valid: false,
      reason: 'malformed_signature',
    });
  });

  it('refuses a replay outside the tolerance, either way', () => {
    expect(verifyWebhookSignature(SECRET, signed([SECRET], T - 301), BODY, 300, NOW)).toEqual({
      valid: false,
      reason: 'timestamp_outside_tolerance',
    });
    expect(verifyWebhookSignature(SECRET, signed([SECRET], T + 301), BODY, 300, NOW).valid).toBe(false);
    expect(verifyWebhookSignature(SECRET, signed([SECRET], T - 299), BODY, 300, NOW).valid).toBe(true);
  });

  it('refuses missing headers and malformed signatures', () => {
    expect(verifyWebhookSignature(SECRET, {}, BODY, 300, NOW)).toEqual({
      valid: false,
      reason: 'missing_headers',
    });
    for (const bad of ['', 'garbage', `t=${T}`, `v1=${'0'.repeat(64)}`, `t=${T},v1=zz`]) {
      const headers = { ...signed(), [WEBHOOK_SIGNATURE_HEADER.toLowerCase()]: bad };
      expect(verifyWebhookSignature(SECRET, headers, BODY, 300, NOW).valid).toBe(false);
    }
  });

  it('refuses a header repeated with different values', () => {
    const headers = { ...signed(), [WEBHOOK_ID_HEADER.toLowerCase()]: ['e1', 'e2'] };
    expect(verifyWebhookSignature(SECRET, headers, BODY, 300, NOW).valid).toBe(false);
  });
});
