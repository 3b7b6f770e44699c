import { createHmac } from 'node:crypto';
import { computeWebhookSignature, signatureHeaderValue } from './sign-webhook';

// Receivers verify with the SDK's verifyWebhook, whose spec (libs/sdk) verifies what this signer signs.
const SECRET = 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXg';
const T = 1_750_000_000;
const BODY = '{"id":"e1","type":"payment.completed","created":1750000000,"data":{"amount":1000}}';

describe('signing a webhook delivery', () => {
  it('signs HMAC-SHA256, keyed by the whole whsec_ secret, of "<id>.<timestamp>.<body>", in hex', () => {
    const expected = createHmac('sha256', SECRET).update(`e1.${T}.${BODY}`).digest('hex');
    expect(computeWebhookSignature(SECRET, 'e1', T, BODY)).toBe(expected);
    expect(computeWebhookSignature(SECRET, 'e1', T, Buffer.from(BODY))).toBe(expected);
  });

  it('states the timestamp once and one v1 signature per valid secret, in order', () => {
    const header = signatureHeaderValue(['whsec_new', SECRET], 'e1', T, BODY);
    expect(header).toBe(
      `t=${T},v1=${computeWebhookSignature('whsec_new', 'e1', T, BODY)},v1=${computeWebhookSignature(SECRET, 'e1', T, BODY)}`,
    );
  });
});
