import fc from 'fast-check';
import { Types } from 'mongoose';
import {
  AUDIT_METADATA_MAX_BYTES,
  isSecretKey,
  REDACTED,
  redactAuditMetadata,
} from './redact-audit-metadata';

const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

function allKeys(value: unknown): string[] {
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap(allKeys);
  return Object.entries(value).flatMap(([key, child]) => [key, ...allKeys(child)]);
}

describe('redactAuditMetadata', () => {
  it('replaces secrets under secret-looking keys at any depth', () => {
    const redacted = redactAuditMetadata({
      password: 'hunter2',
      user: { email: 'a@b.test', newPassword: 'p4ss', credentials: { anything: 1 } },
      headers: { Authorization: 'Basic abc', 'X-API-Key': 'tp_live_abc', cookie: 'sid=1' },
      list: [{ client_secret: 's' }, { refreshToken: 't' }],
      webhookSecret: 'whsec',
      pin: '1234',
    });

    expect(redacted).toEqual({
      password: REDACTED,
      user: { email: 'a@b.test', newPassword: REDACTED, credentials: REDACTED },
      headers: { Authorization: REDACTED, 'X-API-Key': REDACTED, cookie: REDACTED },
      list: [{ client_secret: REDACTED }, { refreshToken: REDACTED }],
      webhookSecret: REDACTED,
      pin: REDACTED,
    });
  });

  it('keeps identifiers and visible prefixes of secrets, which are meant to be shown', () => {
    const kept = {
      apiKeyId: 'k1',
      tokenId: 'jti-1',
      keyPrefix: 'tp_live_ab',
      apiKeyPrefix: 'tp_',
      secretIds: ['a'],
    };

    expect(redactAuditMetadata(kept)).toEqual(kept);
  });

  it('replaces bearer credentials and JWTs whatever key they are under', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl';

    expect(redactAuditMetadata({ note: `Bearer ${jwt}`, raw: jwt, embedded: `token was ${jwt}` })).toEqual({
      note: REDACTED,
      raw: REDACTED,
      embedded: REDACTED,
    });
  });

  it('turns values into plain JSON a MongoDB document accepts', () => {
    const id = new Types.ObjectId();
    const circular: Record<string, unknown> = { name: 'loop' };
    circular['self'] = circular;

    const redacted = redactAuditMetadata({
      $where: 'sleep(1000)',
      'a.b': 1,
      at: new Date('2025-01-02T03:04:05.000Z'),
      id,
      amount: 10n,
      nan: Number.NaN,
      fn: () => 1,
      missing: undefined,
      bytes: Buffer.from('secret bytes'),
      error: new Error('boom'),
      circular,
      deep: { a: { b: { c: { d: { e: 1 } } } } },
    });

    expect(redacted).toEqual({
      _where: 'sleep(1000)',
      a_b: 1,
      at: '2025-01-02T03:04:05.000Z',
      id: id.toHexString(),
      amount: '10',
      nan: 'NaN',
      bytes: '[binary 12 bytes]',
      error: { name: 'Error', message: 'boom' },
      circular: { name: 'loop', self: '[circular]' },
      deep: { a: { b: { c: '[too deep]' } } },
    });
  });

  it('never lets a __proto__ key change the prototype of stored metadata', () => {
    const redacted = redactAuditMetadata(
      JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>,
    );

    expect(Object.getPrototypeOf(redacted)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.keys(redacted)).toEqual(['__proto__']);
  });

  it('drops whole top-level entries past the size bound and says how many', () => {
    const big = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`field${i}`, 'x'.repeat(400)]));

    const redacted = redactAuditMetadata(big);

    expect(jsonBytes(redacted)).toBeLessThanOrEqual(AUDIT_METADATA_MAX_BYTES);
    expect(redacted['field0']).toBe('x'.repeat(400));
    expect(redacted['_truncated']).toEqual({ droppedKeys: 40 - (Object.keys(redacted).length - 1) });
  });

  it('returns an empty object for no metadata', () => {
    expect(redactAuditMetadata(undefined)).toEqual({});
  });

  describe('invariants', () => {
    const secretKeys = fc.constantFrom(
      'password',
      'apiKey',
      'client_secret',
      'accessToken',
      'AUTHORIZATION',
      'x-api-key',
    );
    const marker = fc.uuid().map((uuid) => `SECRET-${uuid}`);
    /** Arbitrary JSON-ish metadata with a marked secret planted under a secret key somewhere inside. */
    const withPlantedSecret = fc
      .tuple(
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.array(fc.string(), { maxLength: 5 }),
        secretKeys,
        marker,
      )
      .map(([base, path, secretKey, secret]) => {
        const root: Record<string, unknown> = { ...base };
        let node = root;
        for (const segment of path) {
          const child: Record<string, unknown> = {};
          node[`n-${segment}`] = child;
          node = child;
        }
        node[secretKey] = { nested: secret, again: [secret] };
        return { root, secret };
      });

    it('never stores a value that was under a secret key', () => {
      fc.assert(
        fc.property(withPlantedSecret, ({ root, secret }) => {
          expect(JSON.stringify(redactAuditMetadata(root))).not.toContain(secret);
        }),
      );
    });

    it('is storable and stable under a second pass, whatever it is given', () => {
      fc.assert(
        fc.property(fc.dictionary(fc.string(), fc.anything({ maxDepth: 6 })), (input) => {
          const once = redactAuditMetadata(input);

          expect(JSON.parse(JSON.stringify(once))).toEqual(once);
          expect(allKeys(once).filter((key) => key.startsWith('$') || key.includes('.'))).toEqual([]);
          expect(redactAuditMetadata(once)).toEqual(once);
        }),
      );
    });

    it('never exceeds the size bound', () => {
      const largeMetadata = fc.dictionary(
        fc.string({ maxLength: 30 }),
        fc.oneof(fc.string({ maxLength: 600 }), fc.array(fc.string({ maxLength: 200 }), { maxLength: 20 })),
        { maxKeys: 60, size: 'max' },
      );
      fc.assert(
        fc.property(largeMetadata, (input) => {
          expect(jsonBytes(redactAuditMetadata(input))).toBeLessThanOrEqual(AUDIT_METADATA_MAX_BYTES);
        }),
      );
    });
  });
});

describe('isSecretKey', () => {
  it.each([
    'password',
    'passwordHash',
    'api_key',
    'X-Api-Key',
    'signingSecret',
    'idToken',
    'sessionCookie',
    'cvv',
  ])('treats %s as secret', (key) => expect(isSecretKey(key)).toBe(true));
  it.each(['email', 'apiKeyId', 'tokenId', 'keyPrefix', 'company', 'shipping', 'id', 'role'])(
    'treats %s as not secret',
    (key) => expect(isSecretKey(key)).toBe(false),
  );
});
