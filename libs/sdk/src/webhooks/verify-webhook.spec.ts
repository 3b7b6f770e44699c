import {
  computeWebhookSignature,
  signatureHeaderValue,
  WEBHOOK_ID_HEADER as SERVER_ID_HEADER,
  WEBHOOK_SIGNATURE_HEADER as SERVER_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER as SERVER_TIMESTAMP_HEADER,
} from '@tenantpay/webhooks';
import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import { WEBHOOK_ID_HEADER, WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER } from '../sdk.constant';
import { verifyWebhook, type WebhookRequestHeaders } from './verify-webhook';
import { WebhookVerificationError } from './webhook-verification.error';

// The server's signer (libs/webhooks) signs; the SDK verifies, as a receiving bank would.
const SECRET = 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXg';
const NOW_MS = 1_750_000_000_000;
const T = NOW_MS / 1000;
const EVENT = { id: 'evt_1', type: 'payment.completed', created: T, data: { paymentId: 'p1', amount: 1050 } };
const BODY = JSON.stringify(EVENT);

interface Delivery {
  readonly secrets?: string[];
  readonly id?: string;
  readonly timestamp?: number;
  readonly body?: string;
}

/** The headers of a delivery exactly as the server's WebhookDeliveryService builds them. */
function serverSigned({ secrets = [SECRET], id = EVENT.id, timestamp = T, body = BODY }: Delivery = {}) {
  return {
    [SERVER_ID_HEADER]: id,
    [SERVER_TIMESTAMP_HEADER]: String(timestamp),
    [SERVER_SIGNATURE_HEADER]: signatureHeaderValue(secrets, id, timestamp, body),
  };
}

function failure(verify: () => unknown): string | undefined {
  try {
    verify();
  } catch (error) {
    if (error instanceof WebhookVerificationError) return error.reason;
    throw error;
  }
  return undefined;
}

const verify = (headers: WebhookRequestHeaders, payload: string | Uint8Array = BODY, secret = SECRET) =>
  verifyWebhook({ headers, payload, secret, nowMs: NOW_MS });

describe('verifyWebhook', () => {
  it('uses the header names the server sends', () => {
    expect([WEBHOOK_ID_HEADER, WEBHOOK_TIMESTAMP_HEADER, WEBHOOK_SIGNATURE_HEADER]).toEqual([
      SERVER_ID_HEADER,
      SERVER_TIMESTAMP_HEADER,
      SERVER_SIGNATURE_HEADER,
    ]);
  });

  it("returns the event of a delivery signed by the server's signer (raw Buffer body, Node's lower-case headers)", () => {
    const nodeHeaders = Object.fromEntries(
      Object.entries(serverSigned()).map(([name, value]) => [name.toLowerCase(), value]),
    );
    expect(verify(nodeHeaders, Buffer.from(BODY))).toEqual(EVENT);
  });

  it("accepts fetch's Headers and a string body", () => {
    expect(verify(new Headers(serverSigned()))).toEqual(EVENT);
  });

  it('checks HMAC-SHA256 keyed by the whole whsec_ secret over "<id>.<t>.<raw body>", hex', () => {
    const hex = createHmac('sha256', SECRET).update(`${EVENT.id}.${T}.${BODY}`).digest('hex');
    expect(computeWebhookSignature(SECRET, EVENT.id, T, BODY)).toBe(hex);
    const headers = { ...serverSigned(), [SERVER_SIGNATURE_HEADER]: `t=${T},v1=${hex}` };
    expect(verify(headers)).toEqual(EVENT);
    // Keyed by the secret without its prefix, the signature is another one.
    const unprefixed = createHmac('sha256', SECRET.slice('whsec_'.length))
      .update(`${EVENT.id}.${T}.${BODY}`)
      .digest('hex');
    expect(failure(() => verify({ ...headers, [SERVER_SIGNATURE_HEADER]: `t=${T},v1=${unprefixed}` }))).toBe(
      'signature_mismatch',
    );
  });

  it('accepts either secret while the server signs with both during a rotation', () => {
    const headers = serverSigned({ secrets: ['whsec_the-new-secret', SECRET] });
    expect(verify(headers, BODY, SECRET)).toEqual(EVENT);
    expect(verify(headers, BODY, 'whsec_the-new-secret')).toEqual(EVENT);
    expect(failure(() => verify(headers, BODY, 'whsec_a-third-secret'))).toBe('signature_mismatch');
  });

  it('refuses a timestamp outside the tolerance, in the past or the future, and accepts one inside it', () => {
    expect(failure(() => verify(serverSigned({ timestamp: T - 301 })))).toBe('timestamp_outside_tolerance');
    expect(failure(() => verify(serverSigned({ timestamp: T + 301 })))).toBe('timestamp_outside_tolerance');
    expect(verify(serverSigned({ timestamp: T - 300 }))).toEqual(EVENT);
    const late = serverSigned({ timestamp: T - 3600 });
    expect(
      verifyWebhook({ headers: late, payload: BODY, secret: SECRET, nowMs: NOW_MS, toleranceSeconds: 3600 }),
    ).toEqual(EVENT);
  });

  it('refuses a timestamp header that differs from the signed t', () => {
    const headers = { ...serverSigned(), [SERVER_TIMESTAMP_HEADER]: String(T + 1) };
    expect(failure(() => verify(headers))).toBe('malformed_signature');
  });

  it('refuses missing, repeated and malformed headers', () => {
    expect(failure(() => verify({}))).toBe('missing_headers');
    expect(failure(() => verify({ ...serverSigned(), [SERVER_ID_HEADER]: [EVENT.id, 'evt_2'] }))).toBe(
      'missing_headers',
    );
    const hex = computeWebhookSignature(SECRET, EVENT.id, T, BODY);
    for (const bad of ['', 'garbage', `t=${T}`, `v1=${hex}`, `t=${T},v1=zz`, `t=${T},t=${T},v1=${hex}`]) {
      expect(failure(() => verify({ ...serverSigned(), [SERVER_SIGNATURE_HEADER]: bad }))).toBe(
        'malformed_signature',
      );
    }
  });

  it('refuses a correctly signed body that is not an event', () => {
    const body = '["not", "an", "event"]';
    expect(failure(() => verify(serverSigned({ body }), body))).toBe('malformed_body');
  });

  describe('any change fails verification', () => {
    const otherThan = <T>(value: T, arbitrary: fc.Arbitrary<T>) =>
      arbitrary.filter((other) => other !== value);

    it('to the body', () => {
      fc.assert(
        fc.property(otherThan(BODY, fc.string()), (body) => {
          expect(failure(() => verify(serverSigned(), body))).toBe('signature_mismatch');
        }),
      );
    });

    it('to the webhook id', () => {
      fc.assert(
        fc.property(
          otherThan(
            EVENT.id,
            fc.string({ minLength: 1 }).filter((id) => !/[\r\n]/.test(id)),
          ),
          (id) => {
            expect(failure(() => verify({ ...serverSigned(), [SERVER_ID_HEADER]: id }))).toBe(
              'signature_mismatch',
            );
          },
        ),
      );
    });

    it('to the timestamp, re-stated in both headers', () => {
      fc.assert(
        fc.property(otherThan(T, fc.integer({ min: T - 300, max: T + 300 })), (timestamp) => {
          const signed = serverSigned();
          const signature = signed[SERVER_SIGNATURE_HEADER].replace(`t=${T}`, `t=${timestamp}`);
          const headers = {
            ...signed,
            [SERVER_TIMESTAMP_HEADER]: String(timestamp),
            [SERVER_SIGNATURE_HEADER]: signature,
          };
          expect(failure(() => verify(headers))).toBe('signature_mismatch');
        }),
      );
    });

    it('to the secret', () => {
      fc.assert(
        fc.property(otherThan(SECRET, fc.string()), (secret) => {
          expect(failure(() => verify(serverSigned(), BODY, secret))).toBe('signature_mismatch');
        }),
      );
    });
  });
});
