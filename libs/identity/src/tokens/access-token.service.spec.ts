import { Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '@tenantpay/platform';
import { testAppConfig } from '@tenantpay/testing';
import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import type { AccessTokenClaims } from './access-token-claims';
import { AccessTokenService } from './access-token.service';
import { InvalidCredentialException } from './invalid-credential.exception';

const TENANT_ID = '65a1b2c3d4e5f6a7b8c9d0e1';
const K1 = 'a'.repeat(40);
const K2 = 'b'.repeat(40);

function config(variables: Record<string, string> = {}): AppConfig {
  return testAppConfig({
    MONGODB_URI: 'mongodb://127.0.0.1:1/unused',
    REDIS_URL: 'redis://127.0.0.1:1',
    ...variables,
  });
}

function service(variables: Record<string, string> = {}): AccessTokenService {
  return new AccessTokenService(new JwtService({}), config(variables));
}

function decodeSegment(segment: string | undefined): Record<string, unknown> {
  return JSON.parse(Buffer.from(segment ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

function encodeSegment(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Builds a token by hand, so tests can forge exactly what an attacker could. */
function forge(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  secret: string | null,
): string {
  const signingInput = `${encodeSegment(header)}.${encodeSegment(payload)}`;
  if (secret === null) return `${signingInput}.`;
  const hmac = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }[String(header['alg'])] ?? 'sha256';
  return `${signingInput}.${createHmac(hmac, secret).update(signingInput).digest('base64url')}`;
}

function validClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: '65a1b2c3d4e5f6a7b8c9d0ff',
    tid: TENANT_ID,
    role: 'ADMIN',
    jti: 'f0e1d2c3-0000-4000-8000-000000000001',
    sid: '65a1b2c3d4e5f6a7b8c9d0aa',
    iat: now,
    exp: now + 600,
    iss: 'tenantpay',
    aud: 'tenantpay-api',
    ...overrides,
  };
}

const refused = expect.any(InvalidCredentialException);

/** `verify` answers at once; as a promise, its refusals read like every other async refusal here. */
function verifying(tokens: AccessTokenService, token: string): Promise<AccessTokenClaims> {
  return new Promise((resolve) => resolve(tokens.verify(token)));
}

describe('AccessTokenService', () => {
  beforeAll(() => Logger.overrideLogger(false));

  const tokens = service();
  const tenantUser = {
    kind: 'user',
    userId: '65a1b2c3d4e5f6a7b8c9d0ff',
    tenantId: TENANT_ID,
    role: 'ADMIN',
    sessionId: '65a1b2c3d4e5f6a7b8c9d0aa',
  } as const;

  describe('issue', () => {
    it('signs HS256 with the active key, naming it in the kid header', async () => {
      const { accessToken, tokenType, expiresIn } = await tokens.issue(tenantUser);
      expect(decodeSegment(accessToken.split('.')[0])).toEqual({ alg: 'HS256', typ: 'JWT', kid: 'k1' });
      expect(tokenType).toBe('Bearer');
      expect(expiresIn).toBe(config().auth.accessTokenTtlSeconds);
    });

    it('carries sub, tid, role, jti, iat, exp, iss and aud', async () => {
      const { accessToken } = await tokens.issue(tenantUser);
      const claims = decodeSegment(accessToken.split('.')[1]);
      expect(claims).toEqual({
        sub: tenantUser.userId,
        tid: TENANT_ID,
        role: 'ADMIN',
        jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
        sid: tenantUser.sessionId,
        iat: expect.any(Number),
        exp: expect.any(Number),
        iss: 'tenantpay',
        aud: 'tenantpay-api',
      });
      expect(Number(claims['exp']) - Number(claims['iat'])).toBe(config().auth.accessTokenTtlSeconds);
    });

    it('gives every token its own jti', async () => {
      const first = decodeSegment((await tokens.issue(tenantUser)).accessToken.split('.')[1]);
      const second = decodeSegment((await tokens.issue(tenantUser)).accessToken.split('.')[1]);
      expect(first['jti']).not.toBe(second['jti']);
    });

    it('leaves tid out of a platform user token', async () => {
      const { accessToken } = await tokens.issue({
        kind: 'platform-user',
        userId: 'p1',
        role: 'SUPER_ADMIN',
        sessionId: 's1',
      });
      expect(decodeSegment(accessToken.split('.')[1])).not.toHaveProperty('tid');
      await expect(verifying(tokens, accessToken)).resolves.toEqual(
        expect.objectContaining({ sub: 'p1', role: 'SUPER_ADMIN' }),
      );
    });
  });

  describe('verify', () => {
    it('answers at once, without a promise (every request carrying a token asks)', async () => {
      const { accessToken } = await tokens.issue(tenantUser);
      expect(tokens.verify(accessToken)).toEqual(expect.objectContaining({ sub: tenantUser.userId }));
    });

    it('returns the claims of a token it issued', async () => {
      const { accessToken } = await tokens.issue(tenantUser);
      await expect(verifying(tokens, accessToken)).resolves.toEqual(
        expect.objectContaining({ sub: tenantUser.userId, tid: TENANT_ID, role: 'ADMIN' }),
      );
    });

    it('accepts a hand-built token signed with a configured key (the forging helper is faithful)', async () => {
      await expect(
        verifying(tokens, forge({ alg: 'HS256', typ: 'JWT', kid: 'k2' }, validClaims(), K2)),
      ).resolves.toEqual(expect.objectContaining({ tid: TENANT_ID }));
    });

    it('refuses a token whose tid was changed after signing', async () => {
      const [header, payload, signature] = (await tokens.issue(tenantUser)).accessToken.split('.');
      const tampered = encodeSegment({ ...decodeSegment(payload), tid: '65a1b2c3d4e5f6a7b8c9d0e2' });
      await expect(verifying(tokens, `${header}.${tampered}.${signature}`)).rejects.toEqual(refused);
    });

    it('refuses a token whose role was raised after signing', async () => {
      const [header, payload, signature] = (
        await tokens.issue({ ...tenantUser, role: 'VIEWER' })
      ).accessToken.split('.');
      const tampered = encodeSegment({ ...decodeSegment(payload), role: 'ADMIN' });
      await expect(verifying(tokens, `${header}.${tampered}.${signature}`)).rejects.toEqual(refused);
    });

    it('refuses any change to the header or payload', async () => {
      const { accessToken } = await tokens.issue(tenantUser);
      const [header = '', payload = '', signature = ''] = accessToken.split('.');
      const signed = `${header}.${payload}`;
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      // The last character of each segment is skipped: its low bits may be padding that decodes identically.
      const positions = [...signed]
        .map((_, i) => i)
        .filter((i) => i !== header.length && i !== header.length - 1 && i !== signed.length - 1);
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...positions),
          fc.constantFrom(...alphabet),
          async (position, replacement) => {
            fc.pre(signed[position] !== replacement);
            const mutated = `${signed.slice(0, position)}${replacement}${signed.slice(position + 1)}.${signature}`;
            await expect(verifying(tokens, mutated)).rejects.toEqual(refused);
          },
        ),
        { numRuns: 200 },
      );
    });

    it('refuses a token whose kid was switched to another configured key', async () => {
      const [, payload, signature] = (await tokens.issue(tenantUser)).accessToken.split('.');
      const header = encodeSegment({ alg: 'HS256', typ: 'JWT', kid: 'k2' });
      await expect(verifying(tokens, `${header}.${payload}.${signature}`)).rejects.toEqual(refused);
    });

    it('refuses an unknown kid, and a missing one', async () => {
      await expect(verifying(tokens, forge({ alg: 'HS256', kid: 'k9' }, validClaims(), K1))).rejects.toEqual(
        refused,
      );
      await expect(verifying(tokens, forge({ alg: 'HS256' }, validClaims(), K1))).rejects.toEqual(refused);
    });

    it('refuses alg none', async () => {
      await expect(verifying(tokens, forge({ alg: 'none', kid: 'k1' }, validClaims(), null))).rejects.toEqual(
        refused,
      );
      await expect(verifying(tokens, forge({ alg: 'none', kid: 'k1' }, validClaims(), K1))).rejects.toEqual(
        refused,
      );
    });

    it('refuses other algorithms even when signed with the right secret', async () => {
      for (const alg of ['HS384', 'HS512']) {
        await expect(verifying(tokens, forge({ alg, kid: 'k1' }, validClaims(), K1))).rejects.toEqual(
          refused,
        );
      }
    });

    it('refuses an expired token', async () => {
      const now = Math.floor(Date.now() / 1000);
      const expired = forge({ alg: 'HS256', kid: 'k1' }, validClaims({ iat: now - 1000, exp: now - 1 }), K1);
      await expect(verifying(tokens, expired)).rejects.toEqual(refused);
    });

    it('refuses a token it verified before, once that token expires', async () => {
      jest.useFakeTimers({ now: new Date('2026-11-23T10:00:00.000Z') });
      try {
        const now = Math.floor(Date.now() / 1000);
        const shortLived = forge({ alg: 'HS256', kid: 'k1' }, validClaims({ iat: now, exp: now + 60 }), K1);
        await expect(verifying(tokens, shortLived)).resolves.toEqual(
          expect.objectContaining({ exp: now + 60 }),
        );
        jest.setSystemTime((now + 59) * 1000 + 999);
        await expect(verifying(tokens, shortLived)).resolves.toEqual(
          expect.objectContaining({ exp: now + 60 }),
        );
        jest.setSystemTime((now + 60) * 1000);
        await expect(verifying(tokens, shortLived)).rejects.toEqual(refused);
      } finally {
        jest.useRealTimers();
      }
    });

    it('refuses any altered copy of a token it has already verified', async () => {
      const token = forge({ alg: 'HS256', kid: 'k1' }, validClaims(), K1);
      await expect(verifying(tokens, token)).resolves.toEqual(expect.objectContaining({ tid: TENANT_ID }));
      const [header, payload, signature] = token.split('.') as [string, string, string];
      const otherTenant = encodeSegment({ ...decodeSegment(payload), tid: '65a1b2c3d4e5f6a7b8c9d0e2' });
      await expect(verifying(tokens, `${header}.${otherTenant}.${signature}`)).rejects.toEqual(refused);
      await expect(verifying(tokens, `${token} `)).rejects.toEqual(refused);
      await expect(verifying(tokens, token)).resolves.toEqual(expect.objectContaining({ tid: TENANT_ID }));
    });

    it('refuses a token without an expiry', async () => {
      const claims = validClaims();
      delete claims['exp'];
      await expect(verifying(tokens, forge({ alg: 'HS256', kid: 'k1' }, claims, K1))).rejects.toEqual(
        refused,
      );
    });

    it('refuses another issuer or audience', async () => {
      await expect(
        verifying(tokens, forge({ alg: 'HS256', kid: 'k1' }, validClaims({ iss: 'evil' }), K1)),
      ).rejects.toEqual(refused);
      await expect(
        verifying(tokens, forge({ alg: 'HS256', kid: 'k1' }, validClaims({ aud: 'other' }), K1)),
      ).rejects.toEqual(refused);
    });

    it('refuses claims we never issue: a tenant token with the platform role, a tenantless non-platform token, a malformed tid, no jti or sid', async () => {
      const sign = (claims: Record<string, unknown>) => forge({ alg: 'HS256', kid: 'k1' }, claims, K1);
      await expect(verifying(tokens, sign(validClaims({ role: 'SUPER_ADMIN' })))).rejects.toEqual(refused);
      await expect(verifying(tokens, sign(validClaims({ tid: undefined, role: 'ADMIN' })))).rejects.toEqual(
        refused,
      );
      await expect(verifying(tokens, sign(validClaims({ tid: 'bank1' })))).rejects.toEqual(refused);
      await expect(verifying(tokens, sign(validClaims({ jti: undefined })))).rejects.toEqual(refused);
      await expect(verifying(tokens, sign(validClaims({ sid: undefined })))).rejects.toEqual(refused);
    });

    it('refuses garbage', async () => {
      for (const garbage of [
        '',
        'abc',
        'a.b.c',
        '...',
        'Bearer x',
        `${encodeSegment({ alg: 'HS256', kid: 'k1' })}.%%%.x`,
      ]) {
        await expect(verifying(tokens, garbage)).rejects.toEqual(refused);
      }
    });
  });

  describe('key rotation', () => {
    it('keeps accepting tokens signed with the previous key while it is configured', async () => {
      const beforeRotation = service({ JWT_SIGNING_KEYS: `k1:${K1}`, JWT_ACTIVE_KEY_ID: 'k1' });
      const duringRotation = service({ JWT_SIGNING_KEYS: `k1:${K1},k2:${K2}`, JWT_ACTIVE_KEY_ID: 'k2' });
      const oldToken = (await beforeRotation.issue(tenantUser)).accessToken;
      await expect(verifying(duringRotation, oldToken)).resolves.toEqual(
        expect.objectContaining({ tid: TENANT_ID }),
      );
      const newToken = (await duringRotation.issue(tenantUser)).accessToken;
      expect(decodeSegment(newToken.split('.')[0])['kid']).toBe('k2');
      await expect(verifying(duringRotation, newToken)).resolves.toEqual(
        expect.objectContaining({ tid: TENANT_ID }),
      );
    });

    it('refuses tokens signed with a key that has been removed', async () => {
      const oldToken = (
        await service({ JWT_SIGNING_KEYS: `k1:${K1},k2:${K2}`, JWT_ACTIVE_KEY_ID: 'k1' }).issue(tenantUser)
      ).accessToken;
      const afterRotation = service({ JWT_SIGNING_KEYS: `k2:${K2}`, JWT_ACTIVE_KEY_ID: 'k2' });
      await expect(verifying(afterRotation, oldToken)).rejects.toEqual(refused);
    });
  });
});
