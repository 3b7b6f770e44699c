import { Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import {
  type Awaitable,
  type ResolutionInput,
  ResolutionMethod,
  type TenantReference,
} from '@tenantpay/tenancy';
import { testAppConfig } from '@tenantpay/testing';
import type {
  PlatformUserAccess,
  PlatformUserAccessCache,
} from '../platform-users/platform-user-access-cache.service';
import type { SessionStateCache } from '../sessions/session-state-cache.service';
import { AccessTokenService } from '../tokens/access-token.service';
import { InvalidCredentialException } from '../tokens/invalid-credential.exception';
import { TenantUserRole } from '../users/tenant-user-role.enum';
import type { UserAccess } from '../users/user-access';
import type { UserAccessCache } from '../users/user-access-cache.service';
import { JwtClaimStrategy } from './jwt-claim.strategy';

const TENANT_ID = '65a1b2c3d4e5f6a7b8c9d0e1';
/** The tenant user u1 (an operator) in session s1, and the platform's super-admin p1 in session s9. */
const OPERATOR_CLAIMS = {
  kind: 'user',
  userId: 'u1',
  tenantId: TENANT_ID,
  role: 'OPERATOR',
  sessionId: 's1',
} as const;
const SUPER_ADMIN_CLAIMS = {
  kind: 'platform-user',
  userId: 'p1',
  role: 'SUPER_ADMIN',
  sessionId: 's9',
} as const;

describe('JwtClaimStrategy', () => {
  beforeAll(() => Logger.overrideLogger(false));

  const tokens = new AccessTokenService(
    new JwtService({}),
    testAppConfig({ MONGODB_URI: 'mongodb://127.0.0.1:1/unused', REDIS_URL: 'redis://127.0.0.1:1' }),
  );
  /** The users as they are now, by `<tenantId>:<userId>`; tests change them after issuing a token. */
  const users = new Map<string, UserAccess>();
  const userAccess = {
    find: async (tenantId: string, userId: string) => users.get(`${tenantId}:${userId}`) ?? null,
  } as unknown as UserAccessCache;
  /** The platform operators as they are now, by id. */
  const operators = new Map<string, PlatformUserAccess>();
  const platformUserAccess = {
    find: async (userId: string) => operators.get(userId) ?? null,
  } as unknown as PlatformUserAccessCache;
  /** Sessions that have ended, by `<tenantId or platform>:<sessionId>`. */
  const endedSessions = new Set<string>();
  const sessions = {
    isLive: async (tenantId: string | null, sessionId: string) =>
      !endedSessions.has(`${tenantId ?? 'platform'}:${sessionId}`),
  } as unknown as SessionStateCache;
  const strategy = new JwtClaimStrategy(tokens, userAccess, platformUserAccess, sessions);
  /** The strategy's answer as a promise, so that a refusal thrown at once reads like one made later. */
  const finding = (request: ResolutionInput) =>
    new Promise<Awaitable<TenantReference> | null>((resolve) => resolve(strategy.find(request)));
  beforeEach(() => {
    endedSessions.clear();
    users.clear();
    users.set(`${TENANT_ID}:u1`, { isActive: true, role: TenantUserRole.Operator });
    operators.clear();
    operators.set('p1', { isActive: true, role: 'SUPER_ADMIN' });
  });
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
    const { accessToken } = await tokens.issue(OPERATOR_CLAIMS);
    const reference = await finding(input(`Bearer ${accessToken}`));
    expect(reference).toEqual({
      method: ResolutionMethod.JwtClaim,
      tenant: { by: 'id', value: TENANT_ID },
      principal: {
        kind: 'user',
        userId: 'u1',
        tenantId: TENANT_ID,
        role: 'OPERATOR',
        tokenId: expect.any(String),
        sessionId: 's1',
      },
    });
  });

  it('refuses the token of a user deactivated, removed or given another role since it was issued', async () => {
    const { accessToken } = await tokens.issue(OPERATOR_CLAIMS);
    for (const now of [
      { isActive: false, role: TenantUserRole.Operator },
      { isActive: true, role: TenantUserRole.Admin },
      undefined,
    ]) {
      if (now === undefined) users.delete(`${TENANT_ID}:u1`);
      else users.set(`${TENANT_ID}:u1`, now);
      await expect(finding(input(`Bearer ${accessToken}`))).rejects.toBeInstanceOf(
        InvalidCredentialException,
      );
    }
  });

  it('names no tenant for a platform user', async () => {
    const { accessToken } = await tokens.issue(SUPER_ADMIN_CLAIMS);
    expect(await finding(input(`Bearer ${accessToken}`))).toEqual({
      method: ResolutionMethod.JwtClaim,
      tenant: null,
      principal: {
        kind: 'platform-user',
        userId: 'p1',
        role: 'SUPER_ADMIN',
        tokenId: expect.any(String),
        sessionId: 's9',
      },
    });
  });

  it('refuses the token of a platform user deactivated or removed since it was issued', async () => {
    const { accessToken } = await tokens.issue(SUPER_ADMIN_CLAIMS);
    for (const now of [{ isActive: false, role: 'SUPER_ADMIN' }, undefined]) {
      if (now === undefined) operators.delete('p1');
      else operators.set('p1', now);
      await expect(finding(input(`Bearer ${accessToken}`))).rejects.toBeInstanceOf(
        InvalidCredentialException,
      );
    }
  });

  it('refuses the token of a session that has ended, for tenant and platform users alike', async () => {
    const user = await tokens.issue(OPERATOR_CLAIMS);
    const operator = await tokens.issue(SUPER_ADMIN_CLAIMS);
    endedSessions.add(`${TENANT_ID}:s1`);
    endedSessions.add('platform:s9');
    for (const { accessToken } of [user, operator]) {
      await expect(finding(input(`Bearer ${accessToken}`))).rejects.toBeInstanceOf(
        InvalidCredentialException,
      );
    }
  });

  it('answers at once, without a promise, when the session and user are known in this process', async () => {
    const { accessToken } = await tokens.issue(OPERATOR_CLAIMS);
    const cached = new JwtClaimStrategy(
      tokens,
      {
        find: (tenantId: string, userId: string) => users.get(`${tenantId}:${userId}`) ?? null,
      } as unknown as UserAccessCache,
      platformUserAccess,
      { isLive: () => true } as unknown as SessionStateCache,
    );
    expect(cached.find(input(`Bearer ${accessToken}`))).toEqual(
      expect.objectContaining({ tenant: { by: 'id', value: TENANT_ID } }),
    );
  });

  it('does not apply without a bearer token, or to a bearer API key', async () => {
    expect(await finding(input())).toBeNull();
    expect(await finding(input(`Bearer tp_live_abcdefgh_${'a'.repeat(43)}`))).toBeNull();
  });

  it('refuses an invalid token instead of ignoring it', async () => {
    await expect(finding(input('Bearer not.a.token'))).rejects.toBeInstanceOf(InvalidCredentialException);
  });
});
