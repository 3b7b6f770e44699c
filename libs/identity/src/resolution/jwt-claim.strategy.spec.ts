import { Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ResolutionMethod } from '@tenantpay/tenancy';
import { testAppConfig } from '@tenantpay/testing';
import { AccessTokenService } from '../tokens/access-token.service';
import { InvalidCredentialException } from '../tokens/invalid-credential.exception';
import { JwtClaimStrategy } from './jwt-claim.strategy';

const TENANT_ID = '65a1b2c3d4e5f6a7b8c9d0e1';

describe('JwtClaimStrategy', () => {
  beforeAll(() => Logger.overrideLogger(false));

  const tokens = new AccessTokenService(
    new JwtService({}),
    testAppConfig({ MONGODB_URI: 'mongodb://127.0.0.1:1/unused', REDIS_URL: 'redis://127.0.0.1:1' }),
  );
  const strategy = new JwtClaimStrategy(tokens);
  const input = (authorization?: string) => ({
    headers: authorization === undefined ? {} : { authorization },
    hostname: null,
    ip: '203.0.113.9',
    requestId: 'r1',
  });

  it('is the most trusted credential strategy', () => {
    expect(strategy).toEqual(
      expect.objectContaining({ method: ResolutionMethod.JwtClaim, priority: 10, isCredential: true }),
    );
  });

  it("names the token's tenant and a user principal", async () => {
    const { accessToken } = await tokens.issue({
      kind: 'user',
      userId: 'u1',
      tenantId: TENANT_ID,
      role: 'OPERATOR',
    });
    const reference = await strategy.find(input(`Bearer ${accessToken}`));
    expect(reference).toEqual({
      method: ResolutionMethod.JwtClaim,
      tenant: { by: 'id', value: TENANT_ID },
      principal: {
        kind: 'user',
        userId: 'u1',
        tenantId: TENANT_ID,
        role: 'OPERATOR',
        tokenId: expect.any(String),
      },
    });
  });

  it('names no tenant for a platform user', async () => {
    const { accessToken } = await tokens.issue({ kind: 'platform-user', userId: 'p1', role: 'SUPER_ADMIN' });
    expect(await strategy.find(input(`Bearer ${accessToken}`))).toEqual({
      method: ResolutionMethod.JwtClaim,
      tenant: null,
      principal: { kind: 'platform-user', userId: 'p1', role: 'SUPER_ADMIN', tokenId: expect.any(String) },
    });
  });

  it('does not apply without a bearer token, or to a bearer API key', async () => {
    expect(await strategy.find(input())).toBeNull();
    expect(await strategy.find(input(`Bearer tp_live_abcdefgh_${'a'.repeat(43)}`))).toBeNull();
  });

  it('refuses an invalid token instead of ignoring it', async () => {
    await expect(strategy.find(input('Bearer not.a.token'))).rejects.toBeInstanceOf(
      InvalidCredentialException,
    );
  });
});
