import { signGatewayPayload, verifyGatewaySignature } from './gateway-signature';

const SECRET = 's'.repeat(40);
const BODY = Buffer.from('{"id":"evt_1","type":"charge.succeeded"}');
const NOW = 1_700_000_000;

describe('gateway webhook signature', () => {
  it('verifies what the gateway signed', () => {
    expect(verifyGatewaySignature(SECRET, BODY, signGatewayPayload(SECRET, BODY, NOW), NOW + 10, 300)).toBe(
      true,
    );
  });

  it('refuses a body changed by one byte', () => {
    const header = signGatewayPayload(SECRET, BODY, NOW);
    expect(verifyGatewaySignature(SECRET, Buffer.from(`${BODY.toString()} `), header, NOW, 300)).toBe(false);
  });

  it('refuses another secret, a stale or future timestamp, and a re-dated signature', () => {
    expect(
      verifyGatewaySignature(SECRET, BODY, signGatewayPayload('x'.repeat(40), BODY, NOW), NOW, 300),
    ).toBe(false);
    expect(verifyGatewaySignature(SECRET, BODY, signGatewayPayload(SECRET, BODY, NOW - 301), NOW, 300)).toBe(
      false,
    );
    expect(verifyGatewaySignature(SECRET, BODY, signGatewayPayload(SECRET, BODY, NOW + 301), NOW, 300)).toBe(
      false,
    );
    const redated = signGatewayPayload(SECRET, BODY, NOW - 1000).replace(`t=${NOW - 1000}`, `t=${NOW}`);
    expect(verifyGatewaySignature(SECRET, BODY, redated, NOW, 300)).toBe(false);
  });

  it('refuses missing and malformed headers', () => {
    for (const header of [undefined, '', 'garbage', `t=${NOW}`, `t=${NOW},v1=zz`, `t=abc,v1=00`]) {
      expect(verifyGatewaySignature(SECRET, BODY, header, NOW, 300)).toBe(false);
    }
  });

  it('accepts any one of several v1 signatures (secret rotation)', () => {
    const good = signGatewayPayload(SECRET, BODY, NOW).split('v1=')[1];
    expect(verifyGatewaySignature(SECRET, BODY, `t=${NOW},v1=${'0'.repeat(64)},v1=${good}`, NOW, 300)).toBe(
      true,
    );
  });
});
