import {
  type IssuedSession,
  type MfaChallenge,
  AccessTokenService,
  InvalidLoginException,
  LoginRateLimitedException,
  LoginService,
  LoginTenantRequiredException,
  PasswordHasher,
  PlatformUsersService,
  TenantUserRole,
  UsersService,
} from '../src';
import { ErrorCode } from '@tenantpay/platform';
import { type TenantSnapshot, Tier } from '@tenantpay/tenancy';
import { useTestMongo, useTestRedis } from '@tenantpay/testing';
import Redis from 'ioredis';
import { ObjectId } from 'mongodb';
import { useIdentityHarness } from './identity-test-harness';

/** Tests that hash or verify many passwords (argon2id, tens of ms each; more on a loaded machine). */
const MANY_HASHES_TIMEOUT_MS = 30_000;

const PASSWORD = 'correct horse battery staple';
const IP = '203.0.113.10';

describe('LoginService', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();
  const harness = useIdentityHarness(mongo, redis);
  const login = () => harness().get(LoginService);

  let tenant: TenantSnapshot;
  let userId: string;
  beforeAll(async () => {
    tenant = await harness().createTenant(Tier.Professional);
    userId = await harness().inTenant(tenant, async () => {
      const users = harness().get(UsersService);
      await users
        .create({ email: 'inactive@bank.test', password: PASSWORD, role: TenantUserRole.Viewer })
        .then((user) => users.deactivate(user.id));
      // Its own account: a lock is also remembered in the limiter's process, beyond the Redis keys reset below.
      await users.create({ email: 'locked@bank.test', password: PASSWORD, role: TenantUserRole.Viewer });
      return (
        await users.create({ email: 'ada@bank.test', password: PASSWORD, role: TenantUserRole.Operator })
      ).id;
    });
    await harness().get(PlatformUsersService).create('root@tenantpay.test', PASSWORD);
  });
  // Each test starts with fresh limiter windows; the limiter has its own tests. (The app's Redis client uses
  // no key prefix, so neither does this.)
  beforeEach(async () => {
    const client = new Redis(redis.url);
    try {
      const keys = await client.keys('rl:*:login');
      if (keys.length > 0) await client.del(...keys);
    } finally {
      await client.quit();
    }
  });

  const tenantLogin = (email: string, password: string, ip = IP, inTenant = tenant) =>
    harness().inTenant(inTenant, () => login().loginTenantUser({ email, password }, ip));

  const auditEvents = (filter: Record<string, unknown>) =>
    mongo.db.collection('audit_events').find(filter).sort({ _id: 1 }).toArray();

  describe('tenant users', () => {
    it("issues an access token naming the user, the tenant and the user's role", async () => {
      const issued = await tenantLogin('Ada@Bank.test', PASSWORD);
      expect(issued).toEqual({
        accessToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: 900,
        sessionId: expect.stringMatching(/^[0-9a-f]{24}$/),
        refreshToken: expect.stringMatching(/^tp_rt_[0-9a-f]{24}_/),
        refreshTokenExpiresAt: expect.any(Date),
      });
      const claims = await harness().get(AccessTokenService).verify(accessTokenOf(issued));
      expect(claims).toEqual(expect.objectContaining({ sub: userId, tid: tenant.id, role: 'OPERATOR' }));
      const stored = await mongo.db.collection('users').findOne({ _id: new ObjectId(userId) });
      expect(stored?.['lastLoginAt']).toBeInstanceOf(Date);
      expect(await auditEvents({ action: 'auth.login_succeeded', 'actor.id': userId })).toEqual([
        expect.objectContaining({ outcome: 'success', ip: IP, tenantId: new ObjectId(tenant.id) }),
      ]);
    });

    it(
      'fails the same way whatever was wrong, and audits the real reason with the IP',
      async () => {
        const suspended = await harness().suspendTenant(await harness().createTenant(Tier.Starter));
        await harness().inTenant(suspended, () =>
          harness()
            .get(UsersService)
            .create({ email: 'ada@bank.test', password: PASSWORD, role: TenantUserRole.Admin }),
        );
        const attempts: Array<[string, Promise<unknown>]> = [
          ['unknown_email', tenantLogin('nobody@bank.test', PASSWORD, '203.0.113.21')],
          ['wrong_password', tenantLogin('ada@bank.test', 'wrong password!!', '203.0.113.22')],
          ['inactive_user', tenantLogin('inactive@bank.test', PASSWORD, '203.0.113.23')],
          ['tenant_suspended', tenantLogin('ada@bank.test', PASSWORD, '203.0.113.24', suspended)],
        ];
        for (const [reason, attempt] of attempts) {
          const error: unknown = await attempt.then(
            () => new Error(`${reason}: login succeeded`),
            (refusal: unknown) => refusal,
          );
          expect(error).toBeInstanceOf(InvalidLoginException);
          expect(error).toEqual(
            expect.objectContaining({
              code: ErrorCode.Unauthorized,
              message: 'Invalid email or password.',
              details: undefined,
            }),
          );
        }
        const failures = await auditEvents({ action: 'auth.login_failed', ip: /^203\.0\.113\.2[1-4]$/ });
        const described = failures.map((event) => [
          event['ip'],
          event['metadata']['reason'],
          event['outcome'],
        ]);
        expect(described.sort()).toEqual([
          ['203.0.113.21', 'unknown_email', 'failure'],
          ['203.0.113.22', 'wrong_password', 'failure'],
          ['203.0.113.23', 'inactive_user', 'failure'],
          ['203.0.113.24', 'tenant_suspended', 'failure'],
        ]);
        expect(failures.every((event) => event['actor'].type === 'anonymous')).toBe(true);
      },
      MANY_HASHES_TIMEOUT_MS,
    );

    it('checks a password against a dummy hash when the email is unknown', async () => {
      const verify = jest.spyOn(harness().get(PasswordHasher), 'verify');
      try {
        await expect(tenantLogin('ghost@bank.test', PASSWORD)).rejects.toBeInstanceOf(InvalidLoginException);
        expect(verify).toHaveBeenCalledWith(null, PASSWORD);
      } finally {
        verify.mockRestore();
      }
    });

    it('does not let a user log in to another tenant, even one where nobody has that email', async () => {
      const other = await harness().createTenant(Tier.Starter);
      await expect(tenantLogin('ada@bank.test', PASSWORD, IP, other)).rejects.toBeInstanceOf(
        InvalidLoginException,
      );
    });

    it('needs a tenant', async () => {
      await expect(
        harness().withoutTenant(() =>
          login().loginTenantUser({ email: 'ada@bank.test', password: PASSWORD }, IP),
        ),
      ).rejects.toEqual(expect.objectContaining({ code: ErrorCode.ValidationError }));
      await expect(
        harness().withoutTenant(() =>
          login().loginTenantUser({ email: 'ada@bank.test', password: PASSWORD }, IP),
        ),
      ).rejects.toBeInstanceOf(LoginTenantRequiredException);
    });
  });

  describe('rate limits', () => {
    it(
      'locks an account after 5 failures, even for the right password, and audits the refusal',
      async () => {
        for (let i = 0; i < 5; i += 1) {
          await expect(
            tenantLogin('locked@bank.test', `wrong password ${i}`, `198.51.100.${i}`),
          ).rejects.toBeInstanceOf(InvalidLoginException);
        }
        const refusal: unknown = await tenantLogin('locked@bank.test', PASSWORD, '198.51.100.99').catch(
          (error: unknown) => error,
        );
        expect(refusal).toBeInstanceOf(LoginRateLimitedException);
        expect(refusal).toEqual(
          expect.objectContaining({
            code: ErrorCode.RateLimitExceeded,
            headers: { 'Retry-After': expect.stringMatching(/^\d+$/) },
          }),
        );
        expect(await auditEvents({ action: 'auth.login_rate_limited', ip: '198.51.100.99' })).toEqual([
          expect.objectContaining({ outcome: 'denied' }),
        ]);
      },
      MANY_HASHES_TIMEOUT_MS,
    );

    it(
      'limits attempts per IP across accounts',
      async () => {
        for (let i = 0; i < 20; i += 1) {
          await expect(tenantLogin(`spray${i}@bank.test`, PASSWORD, '198.51.100.200')).rejects.toBeInstanceOf(
            InvalidLoginException,
          );
        }
        await expect(tenantLogin('ada@bank.test', PASSWORD, '198.51.100.200')).rejects.toBeInstanceOf(
          LoginRateLimitedException,
        );
        await expect(tenantLogin('ada@bank.test', PASSWORD, '198.51.100.201')).resolves.toBeDefined();
      },
      MANY_HASHES_TIMEOUT_MS,
    );

    it(
      'forgets earlier failures after a successful login',
      async () => {
        for (let i = 0; i < 4; i += 1) {
          await expect(tenantLogin('ada@bank.test', 'wrong password!!')).rejects.toBeInstanceOf(
            InvalidLoginException,
          );
        }
        await tenantLogin('ada@bank.test', PASSWORD);
        for (let i = 0; i < 4; i += 1) {
          await expect(tenantLogin('ada@bank.test', 'wrong password!!')).rejects.toBeInstanceOf(
            InvalidLoginException,
          );
        }
        await expect(tenantLogin('ada@bank.test', PASSWORD)).resolves.toBeDefined();
      },
      MANY_HASHES_TIMEOUT_MS,
    );
  });

  describe('platform users', () => {
    it('issues a token without a tenant', async () => {
      const issued = await harness().withoutTenant(() =>
        login().loginPlatformUser({ email: 'root@tenantpay.test', password: PASSWORD }, IP),
      );
      const claims = await harness().get(AccessTokenService).verify(accessTokenOf(issued));
      expect(claims.role).toBe('SUPER_ADMIN');
      expect(claims).not.toHaveProperty('tid');
      expect(await auditEvents({ action: 'auth.login_succeeded', 'actor.type': 'platform-user' })).toEqual([
        expect.objectContaining({ tenantId: null }),
      ]);
    });

    it("refuses a tenant user's credentials, and a wrong password, the same way", async () => {
      for (const [email, password] of [
        ['ada@bank.test', PASSWORD],
        ['root@tenantpay.test', 'wrong password!!'],
      ] as const) {
        await expect(
          harness().withoutTenant(() => login().loginPlatformUser({ email, password }, IP)),
        ).rejects.toBeInstanceOf(InvalidLoginException);
      }
    });
  });
});

/** These accounts have no second factor: the password step opens the session itself. */
function accessTokenOf(outcome: IssuedSession | MfaChallenge): string {
  if ('mfaRequired' in outcome) throw new Error('unexpected MFA challenge');
  return outcome.accessToken;
}
