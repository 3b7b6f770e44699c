import {
  EmailAlreadyRegisteredException,
  OwnAccountChangeException,
  TenantUserRole,
  UserLimitReachedException,
  UserNotFoundException,
  UsersService,
} from '../src';
import { ErrorCode } from '@tenantpay/platform';
import { type TenantSnapshot, Tier } from '@tenantpay/tenancy';
import { useTestMongo, useTestRedis } from '@tenantpay/testing';
import { ObjectId } from 'mongodb';
import { useIdentityHarness } from './identity-test-harness';

/** Tests that hash or verify many passwords (argon2id, tens of ms each; more on a loaded machine). */
const MANY_HASHES_TIMEOUT_MS = 30_000;

const PASSWORD = 'a long enough password';

describe('UsersService', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();
  const harness = useIdentityHarness(mongo, redis);
  const users = () => harness().get(UsersService);

  const createIn = (tenant: TenantSnapshot, email: string, role = TenantUserRole.Viewer) =>
    harness().inTenant(tenant, () => users().create({ email, password: PASSWORD, role }));

  describe('create', () => {
    it('stores the user in the current tenant, with a lowercase email and an argon2id hash', async () => {
      const tenant = await harness().createTenant(Tier.Starter);
      const view = await createIn(tenant, '  Ada@Example.COM ', TenantUserRole.Admin);
      expect(view).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        email: 'ada@example.com',
        name: null,
        role: 'ADMIN',
        isActive: true,
        lastLoginAt: null,
        lockedUntil: null,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const stored = await mongo.db.collection('users').findOne({ _id: new ObjectId(view.id) });
      expect(stored?.['tenantId']).toEqual(new ObjectId(tenant.id));
      expect(stored?.['passwordHash']).toMatch(/^\$argon2id\$/);
      expect(JSON.stringify(view)).not.toContain('argon2');
    });

    it('refuses an email already registered in the tenant, whatever its case', async () => {
      const tenant = await harness().createTenant(Tier.Starter);
      await createIn(tenant, 'dup@example.com');
      await expect(createIn(tenant, 'DUP@example.com')).rejects.toBeInstanceOf(
        EmailAlreadyRegisteredException,
      );
    });

    it('lets two tenants each have a user with the same email', async () => {
      const [first, second] = [
        await harness().createTenant(Tier.Starter),
        await harness().createTenant(Tier.Starter),
      ];
      await createIn(first, 'same@example.com');
      await expect(createIn(second, 'same@example.com')).resolves.toEqual(
        expect.objectContaining({ email: 'same@example.com' }),
      );
    });
  });

  describe('isolation', () => {
    it("answers another tenant's user exactly like a missing one", async () => {
      const [own, other] = [
        await harness().createTenant(Tier.Starter),
        await harness().createTenant(Tier.Starter),
      ];
      const theirs = await createIn(other, 'theirs@example.com');
      await expect(harness().inTenant(own, () => users().get(theirs.id))).rejects.toBeInstanceOf(
        UserNotFoundException,
      );
      await expect(
        harness().inTenant(own, () => users().get(new ObjectId().toHexString())),
      ).rejects.toBeInstanceOf(UserNotFoundException);
      await expect(harness().inTenant(own, () => users().get('not-an-id'))).rejects.toBeInstanceOf(
        UserNotFoundException,
      );
      await expect(
        harness().inTenant(own, () => users().changeRole(theirs.id, TenantUserRole.Admin)),
      ).rejects.toBeInstanceOf(UserNotFoundException);
      await expect(harness().inTenant(own, () => users().deactivate(theirs.id))).rejects.toBeInstanceOf(
        UserNotFoundException,
      );
      expect((await harness().inTenant(other, () => users().get(theirs.id))).role).toBe('VIEWER');
    });

    it("lists only the current tenant's users, in pages", async () => {
      const [own, other] = [
        await harness().createTenant(Tier.Starter),
        await harness().createTenant(Tier.Starter),
      ];
      for (const email of ['a@x.io', 'b@x.io', 'c@x.io']) {
        await createIn(own, email);
        await createIn(other, email);
      }
      const first = await harness().inTenant(own, () => users().list(2));
      expect(first.data.map((user) => user.email)).toEqual(['a@x.io', 'b@x.io']);
      expect(first.has_more).toBe(true);
      const second = await harness().inTenant(own, () => users().list(2, first.data[1]?.id));
      expect(second).toEqual({
        object: 'list',
        data: [expect.objectContaining({ email: 'c@x.io' })],
        has_more: false,
      });
    });

    it('cannot run without a tenant context', async () => {
      await expect(harness().withoutTenant(() => users().list(10))).rejects.toThrow(/tenant context/);
    });
  });

  describe('the tier user limit', () => {
    it(
      'lets a STARTER tenant have 10 active users and refuses the 11th',
      async () => {
        const tenant = await harness().createTenant(Tier.Starter);
        for (let i = 0; i < 10; i += 1) await createIn(tenant, `u${i}@example.com`);
        const refused = createIn(tenant, 'eleventh@example.com');
        await expect(refused).rejects.toBeInstanceOf(UserLimitReachedException);
        await expect(refused).rejects.toEqual(
          expect.objectContaining({
            code: ErrorCode.UserLimitReached,
            details: [expect.objectContaining({ limit: 10 })],
          }),
        );
        expect(await mongo.db.collection('users').countDocuments({ tenantId: new ObjectId(tenant.id) })).toBe(
          10,
        );
      },
      MANY_HASHES_TIMEOUT_MS,
    );

    it('applies a per-tenant override of maxUsers', async () => {
      const tenant = await harness().createTenant(Tier.Professional, { maxUsers: 1 });
      await createIn(tenant, 'only@example.com');
      await expect(createIn(tenant, 'second@example.com')).rejects.toBeInstanceOf(UserLimitReachedException);
    });

    it(
      'does not limit ENTERPRISE tenants',
      async () => {
        const tenant = await harness().createTenant(Tier.Enterprise);
        for (let i = 0; i < 12; i += 1) await createIn(tenant, `e${i}@example.com`);
        expect(await mongo.db.collection('users').countDocuments({ tenantId: new ObjectId(tenant.id) })).toBe(
          12,
        );
      },
      MANY_HASHES_TIMEOUT_MS,
    );

    it(
      'frees a seat when a user is deactivated, and counts inactive users as not taking one',
      async () => {
        const tenant = await harness().createTenant(Tier.Starter, { maxUsers: 2 });
        const first = await createIn(tenant, 'one@example.com');
        await createIn(tenant, 'two@example.com');
        await expect(createIn(tenant, 'three@example.com')).rejects.toBeInstanceOf(UserLimitReachedException);
        await harness().inTenant(tenant, () => users().deactivate(first.id));
        await harness().inTenant(tenant, () => users().deactivate(first.id)); // twice frees one seat only
        await createIn(tenant, 'three@example.com');
        await expect(createIn(tenant, 'four@example.com')).rejects.toBeInstanceOf(UserLimitReachedException);
      },
      MANY_HASHES_TIMEOUT_MS,
    );

    it(
      'lets exactly one of two concurrent creations take the last seat',
      async () => {
        const tenant = await harness().createTenant(Tier.Starter, { maxUsers: 3 });
        await createIn(tenant, 'one@example.com');
        await createIn(tenant, 'two@example.com');
        const results = await Promise.allSettled([
          createIn(tenant, 'racer-a@example.com'),
          createIn(tenant, 'racer-b@example.com'),
        ]);
        expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
        const rejected = results.filter(
          (result): result is PromiseRejectedResult => result.status === 'rejected',
        );
        expect(rejected.map((result) => result.reason)).toEqual([expect.any(UserLimitReachedException)]);
        expect(
          await mongo.db
            .collection('users')
            .countDocuments({ tenantId: new ObjectId(tenant.id), isActive: true }),
        ).toBe(3);
      },
      MANY_HASHES_TIMEOUT_MS,
    );

    it(
      'never exceeds the limit however many creations race',
      async () => {
        const tenant = await harness().createTenant(Tier.Starter, { maxUsers: 4 });
        const results = await Promise.allSettled(
          Array.from({ length: 10 }, (_, i) => createIn(tenant, `r${i}@example.com`)),
        );
        expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(4);
        expect(await mongo.db.collection('users').countDocuments({ tenantId: new ObjectId(tenant.id) })).toBe(
          4,
        );
      },
      MANY_HASHES_TIMEOUT_MS,
    );

    it('counts users that existed before the seat counter', async () => {
      const tenant = await harness().createTenant(Tier.Starter, { maxUsers: 3 });
      const now = new Date();
      await mongo.db.collection('users').insertMany(
        ['old1@example.com', 'old2@example.com'].map((email) => ({
          tenantId: new ObjectId(tenant.id),
          email,
          passwordHash: 'x',
          role: 'VIEWER',
          isActive: true,
          lastLoginAt: null,
          deletedAt: null,
          deletedBy: null,
          createdAt: now,
          updatedAt: now,
        })),
      );
      await createIn(tenant, 'new@example.com');
      await expect(createIn(tenant, 'one-too-many@example.com')).rejects.toBeInstanceOf(
        UserLimitReachedException,
      );
    });

    it('does not take a seat when the creation fails', async () => {
      const tenant = await harness().createTenant(Tier.Starter, { maxUsers: 2 });
      await createIn(tenant, 'taken@example.com');
      // Both race past the early duplicate check; the unique index refuses one inside the transaction.
      await Promise.allSettled([createIn(tenant, 'same@example.com'), createIn(tenant, 'same@example.com')]);
      await expect(createIn(tenant, 'another@example.com')).rejects.toBeInstanceOf(UserLimitReachedException);
      const counter = await mongo.db
        .collection('user_seat_counters')
        .findOne({ tenantId: new ObjectId(tenant.id) });
      expect(counter?.['activeUsers']).toBe(2);
    });
  });

  describe('changeRole and deactivate', () => {
    it('changes a role and deactivates a user', async () => {
      const tenant = await harness().createTenant(Tier.Starter);
      const user = await createIn(tenant, 'role@example.com');
      expect(
        (await harness().inTenant(tenant, () => users().changeRole(user.id, TenantUserRole.Operator))).role,
      ).toBe('OPERATOR');
      expect((await harness().inTenant(tenant, () => users().deactivate(user.id))).isActive).toBe(false);
    });

    it('refuses to let an admin demote or deactivate themselves', async () => {
      const tenant = await harness().createTenant(Tier.Starter);
      const admin = await createIn(tenant, 'admin@example.com', TenantUserRole.Admin);
      const self = {
        kind: 'user',
        userId: admin.id,
        tenantId: tenant.id,
        role: 'ADMIN',
        tokenId: 't',
        sessionId: 's-t',
      } as const;
      await expect(
        harness().inTenant(tenant, () => users().changeRole(admin.id, TenantUserRole.Viewer), self),
      ).rejects.toBeInstanceOf(OwnAccountChangeException);
      await expect(
        harness().inTenant(tenant, () => users().deactivate(admin.id), self),
      ).rejects.toBeInstanceOf(OwnAccountChangeException);
    });
  });
});
