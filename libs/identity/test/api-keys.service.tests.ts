import {
  ApiKeyAuthenticator,
  ApiKeyNotFoundException,
  ApiKeyAlreadyRotatedException,
  ApiKeyRevokedException,
  ApiKeyScope,
  ApiKeysService,
  ApiKeyStrategy,
  InvalidCredentialException,
} from '../src';
import { ErrorCode, REDIS_CLIENT } from '@tenantpay/platform';
import {
  type ApiKeyPrincipal,
  ResolutionMethod,
  TenantCacheInvalidationSubscriber,
  TenantLookupService,
  type TenantSnapshot,
  Tier,
} from '@tenantpay/tenancy';
import { useTestMongo, useTestRedis } from '@tenantpay/testing';
import type Redis from 'ioredis';
import { ObjectId } from 'mongodb';
import { ApiKeyCache } from '../src/api-keys/api-key-cache.service';
import { ApiKeyCredentialsRepository } from '../src/api-keys/api-key-credentials.repository';
import { useIdentityHarness } from './identity-test-harness';

/** `authenticate` answers at once for a key it knows; as a promise, its refusals all read alike here. */
function authenticating(
  authenticator: ApiKeyAuthenticator,
  presented: string,
  now?: Date,
): Promise<ApiKeyPrincipal> {
  return new Promise((resolve) => resolve(authenticator.authenticate(presented, now)));
}

describe('API keys', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();
  const harness = useIdentityHarness(mongo, redis);
  const keys = () => harness().get(ApiKeysService);
  const authenticator = () => harness().get(ApiKeyAuthenticator);

  let tenant: TenantSnapshot;
  beforeAll(async () => {
    tenant = await harness().createTenant(Tier.Enterprise);
  });

  const create = (scopes = [ApiKeyScope.PaymentsRead], expiresAt?: Date, inTenant = tenant) =>
    harness().inTenant(inTenant, () =>
      keys().create({ name: 'server', scopes, ...(expiresAt ? { expiresAt } : {}) }),
    );

  describe('create', () => {
    it('returns the secret once and stores only its hash and visible prefix', async () => {
      const created = await create([ApiKeyScope.PaymentsRead, ApiKeyScope.PaymentsWrite]);
      expect(created).toEqual(
        expect.objectContaining({
          name: 'server',
          key: expect.stringMatching(new RegExp(`^tp_live_${tenant.id}_[0-9A-Za-z]{8}_[0-9A-Za-z]{43}$`)),
          prefix: `tp_live_${tenant.id}_${created.key.slice(-52, -44)}`,
          scopes: ['payments:read', 'payments:write'],
          status: 'active',
          expiresAt: null,
        }),
      );
      const stored = await mongo.db.collection('api_keys').findOne({ _id: new ObjectId(created.id) });
      expect(stored?.['tenantId']).toEqual(new ObjectId(tenant.id));
      expect(JSON.stringify(stored)).not.toContain(created.key);
      expect(JSON.stringify(stored)).not.toContain(created.key.slice(-43));
    });

    it('never shows the secret or its hash again', async () => {
      const created = await create();
      const stored = await mongo.db.collection('api_keys').findOne({ _id: new ObjectId(created.id) });
      const listed = await harness().inTenant(tenant, () => keys().list(100));
      const fetched = await harness().inTenant(tenant, () => keys().get(created.id));
      for (const shown of [JSON.stringify(listed), JSON.stringify(fetched)]) {
        expect(shown).not.toContain(created.key.slice(-43));
        expect(shown).not.toContain(String(stored?.['hash']));
      }
      expect(fetched).not.toHaveProperty('key');
    });

    it('refuses an expiry in the past', async () => {
      await expect(create([ApiKeyScope.UsageRead], new Date(Date.now() - 1000))).rejects.toEqual(
        expect.objectContaining({ code: ErrorCode.ValidationError }),
      );
    });
  });

  describe('authentication', () => {
    it("turns a key into a principal of its tenant with the key's scopes", async () => {
      const created = await create([ApiKeyScope.PaymentsWrite, ApiKeyScope.UsageRead]);
      await expect(authenticating(authenticator(), created.key)).resolves.toEqual({
        kind: 'api-key',
        apiKeyId: created.id,
        tenantId: tenant.id,
        scopes: ['payments:write', 'usage:read'],
      });
    });

    it('refuses unknown, malformed and almost-right keys', async () => {
      const created = await create();
      const lastChar = created.key.at(-1) === 'A' ? 'B' : 'A';
      for (const presented of [
        `${created.key.slice(0, -1)}${lastChar}`,
        'tp_live_nope',
        `${created.key} `,
        '',
      ]) {
        await expect(authenticating(authenticator(), presented)).rejects.toBeInstanceOf(
          InvalidCredentialException,
        );
      }
    });

    it('refuses a key once it has expired', async () => {
      const expiresAt = new Date(Date.now() + 60_000);
      const created = await create([ApiKeyScope.PaymentsRead], expiresAt);
      await expect(authenticating(authenticator(), created.key)).resolves.toBeDefined();
      await expect(
        authenticating(authenticator(), created.key, new Date(expiresAt.getTime() + 1)),
      ).rejects.toBeInstanceOf(InvalidCredentialException);
      expect((await harness().inTenant(tenant, () => keys().get(created.id))).status).toBe('active');
    });

    it('serves a key it has seen from the process, with no Redis round trip', async () => {
      const created = await create();
      await authenticating(authenticator(), created.key);
      const redisReads = async () =>
        Number(
          /cmdstat_get:calls=(\d+)/.exec(
            await harness().get<Redis>(REDIS_CLIENT).info('commandstats'),
          )?.[1] ?? 0,
        );
      const before = await redisReads();
      for (let i = 0; i < 5; i += 1) await authenticating(authenticator(), created.key);
      expect(await redisReads()).toBe(before);
    });

    it('still works from the database while Redis is down', async () => {
      const created = await create();
      await redis.stop();
      try {
        await expect(authenticating(authenticator(), created.key)).resolves.toEqual(
          expect.objectContaining({ apiKeyId: created.id }),
        );
      } finally {
        await redis.restart();
        await waitFor(
          async () =>
            (await harness()
              .get<Redis>(REDIS_CLIENT)
              .ping()
              .catch(() => '')) === 'PONG',
        );
      }
    });
  });

  describe('revoke', () => {
    it('stops the key at once on this instance, and on any other when the announcement arrives, even when it was cached', async () => {
      const created = await create();
      await authenticating(authenticator(), created.key); // now cached in Redis and in this process
      // Another API instance: its own authenticator and cache objects, which hear the invalidation channel.
      const otherInstance = new ApiKeyAuthenticator(
        new ApiKeyCache(
          harness().get<Redis>(REDIS_CLIENT),
          harness().get(TenantCacheInvalidationSubscriber),
          harness().get(TenantLookupService),
        ),
        harness().get(ApiKeyCredentialsRepository),
      );
      await authenticating(otherInstance, created.key); // cached in its process too

      const revoked = await harness().inTenant(tenant, () => keys().revoke(created.id));
      expect(revoked).toEqual(expect.objectContaining({ status: 'revoked', revokedAt: expect.any(String) }));
      await expect(authenticating(authenticator(), created.key)).rejects.toBeInstanceOf(
        InvalidCredentialException,
      );
      await waitFor(
        () =>
          authenticating(otherInstance, created.key).then(
            () => false,
            (error: unknown) => error instanceof InvalidCredentialException,
          ),
        20_000,
      );
      expect(
        await mongo.db
          .collection('audit_events')
          .countDocuments({ action: 'api_key.revoked', 'resource.id': created.id }),
      ).toBe(1);
    });

    it('cannot be undone by a lookup that read the key just before the revocation', async () => {
      const created = await create();
      const cache = harness().get(ApiKeyCache);
      const hash = String(
        (await mongo.db.collection('api_keys').findOne({ _id: new ObjectId(created.id) }))?.['hash'],
      );
      await harness().inTenant(tenant, () => keys().revoke(created.id));
      // The slow lookup now writes what it read before the revocation.
      await cache.fill(hash, {
        state: 'active',
        id: created.id,
        tenantId: tenant.id,
        scopes: created.scopes,
        expiresAt: null,
      });
      await expect(authenticating(authenticator(), created.key)).rejects.toBeInstanceOf(
        InvalidCredentialException,
      );
    });

    it("refuses to revoke twice, and answers for another tenant's key like for a missing one", async () => {
      const created = await create();
      await harness().inTenant(tenant, () => keys().revoke(created.id));
      await expect(harness().inTenant(tenant, () => keys().revoke(created.id))).rejects.toBeInstanceOf(
        ApiKeyRevokedException,
      );

      const other = await harness().createTenant(Tier.Enterprise);
      const theirs = await create([ApiKeyScope.PaymentsRead], undefined, other);
      await expect(harness().inTenant(tenant, () => keys().get(theirs.id))).rejects.toBeInstanceOf(
        ApiKeyNotFoundException,
      );
      await expect(harness().inTenant(tenant, () => keys().revoke(theirs.id))).rejects.toBeInstanceOf(
        ApiKeyNotFoundException,
      );
      await expect(harness().inTenant(tenant, () => keys().rotate(theirs.id))).rejects.toBeInstanceOf(
        ApiKeyNotFoundException,
      );
      await expect(authenticating(authenticator(), theirs.key)).resolves.toEqual(
        expect.objectContaining({ tenantId: other.id }),
      );
      const listed = await harness().inTenant(tenant, () => keys().list(100));
      expect(listed.data.map((key) => key.id)).not.toContain(theirs.id);
    });
  });

  describe('rotate', () => {
    it('issues a new secret with the same name and scopes; the old key works through the overlap, then not', async () => {
      const old = await create([ApiKeyScope.PaymentsRead, ApiKeyScope.WebhooksManage]);
      // Cached as active with no expiry: the rotation must replace what every instance cached.
      await authenticating(authenticator(), old.key);
      const rotated = await harness().inTenant(tenant, () => keys().rotate(old.id, undefined, null, 3600));
      expect(rotated).toEqual(
        expect.objectContaining({
          name: old.name,
          scopes: old.scopes,
          rotatedFromId: old.id,
          status: 'active',
        }),
      );
      expect(rotated.key).not.toBe(old.key);
      const oldView = await harness().inTenant(tenant, () => keys().get(old.id));
      expect(oldView).toEqual(
        expect.objectContaining({ status: 'rotating', rotatingUntil: oldView.expiresAt }),
      );
      const overlapEnd = Date.parse(oldView.rotatingUntil ?? '');
      await expect(authenticating(authenticator(), old.key, new Date(overlapEnd - 1_000))).resolves.toEqual(
        expect.objectContaining({ apiKeyId: old.id }),
      );
      await expect(authenticating(authenticator(), old.key, new Date(overlapEnd))).rejects.toBeInstanceOf(
        InvalidCredentialException,
      );
      await expect(authenticating(authenticator(), rotated.key)).resolves.toEqual(
        expect.objectContaining({ apiKeyId: rotated.id, scopes: ['payments:read', 'webhooks:manage'] }),
      );
      await expect(harness().inTenant(tenant, () => keys().rotate(old.id))).rejects.toBeInstanceOf(
        ApiKeyAlreadyRotatedException,
      );
    });

    it('defaults to a 24 hour overlap, never past the old expiry, and cuts the old key at once with 0', async () => {
      const soon = new Date(Date.now() + 3_600_000);
      const expiring = await create([ApiKeyScope.PaymentsRead], soon);
      await harness().inTenant(tenant, () => keys().rotate(expiring.id));
      const view = await harness().inTenant(tenant, () => keys().get(expiring.id));
      expect(Date.parse(view.rotatingUntil ?? '') - Date.now()).toBeGreaterThan(23 * 3_600_000);
      expect(view.expiresAt).toBe(soon.toISOString());

      const cut = await create([ApiKeyScope.PaymentsRead]);
      await authenticating(authenticator(), cut.key);
      await harness().inTenant(tenant, () => keys().rotate(cut.id, undefined, null, 0));
      await expect(authenticating(authenticator(), cut.key)).rejects.toBeInstanceOf(
        InvalidCredentialException,
      );
      await expect(harness().inTenant(tenant, () => keys().rotate(cut.id))).rejects.toBeInstanceOf(
        ApiKeyRevokedException,
      );
    });
  });

  describe('last use', () => {
    it('is written at most once a minute', async () => {
      const created = await create();
      const lastUsed = async () =>
        (await mongo.db.collection('api_keys').findOne({ _id: new ObjectId(created.id) }))?.[
          'lastUsedAt'
        ] as Date | null;
      const t0 = new Date('2030-01-01T00:00:00.000Z');
      await authenticating(authenticator(), created.key, t0);
      await waitFor(async () => (await lastUsed())?.getTime() === t0.getTime());
      await authenticating(authenticator(), created.key, new Date(t0.getTime() + 30_000));
      // Another instance (no in-process memory of the first write): the database condition alone holds.
      const otherInstance = new ApiKeyAuthenticator(
        harness().get(ApiKeyCache),
        harness().get(ApiKeyCredentialsRepository),
      );
      await authenticating(otherInstance, created.key, new Date(t0.getTime() + 45_000));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await lastUsed())?.getTime()).toBe(t0.getTime());
      const t1 = new Date(t0.getTime() + 61_000);
      await authenticating(authenticator(), created.key, t1);
      await waitFor(async () => (await lastUsed())?.getTime() === t1.getTime());
    });
  });

  describe('ApiKeyStrategy', () => {
    const input = (headers: Record<string, string>) => ({
      headers,
      hostname: null,
      ip: '203.0.113.5',
      requestId: 'r',
    });

    it('resolves the tenant from X-API-Key or a bearer key', async () => {
      const created = await create();
      const strategy = harness().get(ApiKeyStrategy);
      const presentations: Record<string, string>[] = [
        { 'x-api-key': created.key },
        { authorization: `Bearer ${created.key}` },
      ];
      for (const headers of presentations) {
        expect(await strategy.find(input(headers))).toEqual({
          method: ResolutionMethod.ApiKey,
          tenant: { by: 'id', value: tenant.id },
          principal: expect.objectContaining({ kind: 'api-key', apiKeyId: created.id }),
        });
      }
      expect(await strategy.find(input({}))).toBeNull();
      expect(() => strategy.find(input({ 'x-api-key': 'tp_live_bogus' }))).toThrow(
        InvalidCredentialException,
      );
    });

    it('answers at once, without a promise, for a key and tenant this process already knows', async () => {
      const created = await create();
      const strategy = harness().get(ApiKeyStrategy);
      await strategy.find(input({ 'x-api-key': created.key }));
      expect(strategy.find(input({ 'x-api-key': created.key }))).toEqual(
        expect.objectContaining({ tenant: { by: 'id', value: tenant.id } }),
      );
    });

    it('refuses the keys of a tenant whose tier no longer includes API keys', async () => {
      const downgraded = await harness().createTenant(Tier.Enterprise);
      const created = await create([ApiKeyScope.PaymentsRead], undefined, downgraded);
      await harness().changeTier(downgraded, Tier.Professional);
      const strategy = harness().get(ApiKeyStrategy);
      // Refused at once or later, whichever this process's caches allow.
      await expect(
        new Promise((resolve) => resolve(strategy.find(input({ 'x-api-key': created.key })))),
      ).rejects.toEqual(expect.objectContaining({ code: ErrorCode.FeatureNotInTier }));
    });
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
