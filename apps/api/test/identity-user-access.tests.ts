import { Controller, Get } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TenantUserRole } from '@tenantpay/identity';
import {
  CurrentPrincipal,
  type Principal,
  TenantLookupService,
  type TenantSnapshot,
  Tier,
} from '@tenantpay/tenancy';
import { useTestMongo, useTestRedis } from '@tenantpay/testing';
import request from 'supertest';
import { createIdentityTestApp, expectApiError, PASSWORD, seedTenant, seedUser } from './identity-test-app';
import { RoundTripCounter } from './support/round-trip-counter';
import { localCachesOn as localCachesOnAll, sharedInstanceConfig } from './support/two-api-instances';
import { waitFor } from './support/tenancy-test-app';

/** Tests that hash passwords (argon2id, tens of ms each; more on a loaded machine). */
const HASHING_TIMEOUT_MS = 30_000;

/** A tenant route that touches nothing but the request's own principal. */
@Controller('identity-probe')
class IdentityProbeController {
  @Get('whoami')
  whoami(@CurrentPrincipal() principal: Principal | null) {
    return principal?.kind === 'user' ? { userId: principal.userId, role: principal.role } : null;
  }
}

describe('user access across API instances (two instances sharing MongoDB and Redis)', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();
  let appA: NestFastifyApplication;
  let appB: NestFastifyApplication;
  let tripsB: RoundTripCounter;
  let bank: TenantSnapshot;
  let adminToken: string;

  beforeAll(async () => {
    // Driver command monitoring, so MongoDB round trips can be counted.
    const config = sharedInstanceConfig(mongo.uri, redis.url);
    appA = await createIdentityTestApp(config, [IdentityProbeController]);
    appB = await createIdentityTestApp(config, [IdentityProbeController]);
    tripsB = new RoundTripCounter(appB, 'users');
    bank = await seedTenant(appA, Tier.Professional);
    await seedUser(appA, bank, 'admin@bank.test', TenantUserRole.Admin);
    adminToken = await tokenFor(appA, 'admin@bank.test');
  }, HASHING_TIMEOUT_MS);
  afterAll(async () => {
    await appA.close();
    await appB.close();
  });

  const localCachesOn = () => localCachesOnAll(appA, appB);
  async function tokenFor(app: NestFastifyApplication, email: string): Promise<string> {
    const response = await request(app.getHttpServer())
      .post('/v1/auth/login')
      .set('X-Tenant-ID', bank.id)
      .send({ email, password: PASSWORD })
      .expect(200);
    return response.body.accessToken as string;
  }
  const whoami = (app: NestFastifyApplication, token: string) =>
    request(app.getHttpServer()).get('/v1/identity-probe/whoami').set('Authorization', `Bearer ${token}`);
  const asAdminOnA = () => ({ Authorization: `Bearer ${adminToken}` });

  it(
    'refuses (401) on instance B the token of a user deactivated on instance A, from the next request',
    async () => {
      await localCachesOn();
      const userId = await seedUser(appA, bank, 'leaving@bank.test', TenantUserRole.Viewer);
      const token = await tokenFor(appA, 'leaving@bank.test');
      await whoami(appB, token).expect(200, { userId, role: 'VIEWER' });

      await request(appA.getHttpServer())
        .post(`/v1/users/${userId}/deactivate`)
        .set(asAdminOnA())
        .expect(200);

      expectApiError(await whoami(appB, token), 401, 'unauthorized');
      expectApiError(await whoami(appA, token), 401, 'unauthorized');
    },
    HASHING_TIMEOUT_MS,
  );

  it(
    'refuses on every instance a token whose role was changed, and serves the new role after a new login',
    async () => {
      await localCachesOn();
      const userId = await seedUser(appA, bank, 'promoted@bank.test', TenantUserRole.Viewer);
      const viewerToken = await tokenFor(appA, 'promoted@bank.test');
      await whoami(appB, viewerToken).expect(200, { userId, role: 'VIEWER' });

      await request(appA.getHttpServer())
        .patch(`/v1/users/${userId}/role`)
        .set(asAdminOnA())
        .send({ role: 'OPERATOR' })
        .expect(200);

      expectApiError(await whoami(appB, viewerToken), 401, 'unauthorized');
      const operatorToken = await tokenFor(appB, 'promoted@bank.test');
      await whoami(appB, operatorToken).expect(200, { userId, role: 'OPERATOR' });
      await whoami(appA, operatorToken).expect(200, { userId, role: 'OPERATOR' });
    },
    HASHING_TIMEOUT_MS,
  );

  it(
    'checks a steady request from the in-process cache: no Redis and no MongoDB round trip',
    async () => {
      await localCachesOn();
      const userId = await seedUser(appA, bank, 'steady@bank.test', TenantUserRole.Viewer);
      const token = await tokenFor(appA, 'steady@bank.test');
      tripsB.reset();
      await whoami(appB, token).expect(200, { userId, role: 'VIEWER' });
      // The counter does see the first check (so the assertion below can fail).
      expect(tripsB.mongo).toBeGreaterThan(0);

      tripsB.reset();
      for (let i = 0; i < 20; i += 1) await whoami(appB, token).expect(200);
      expect({ redis: tripsB.redis, mongo: tripsB.mongo }).toEqual({ redis: 0, mongo: 0 });
    },
    HASHING_TIMEOUT_MS,
  );

  it(
    'keeps checking users from MongoDB while Redis is down, so a deactivation still applies at once',
    async () => {
      await localCachesOn();
      const userId = await seedUser(appA, bank, 'outage@bank.test', TenantUserRole.Viewer);
      const token = await tokenFor(appA, 'outage@bank.test');
      await whoami(appB, token).expect(200, { userId, role: 'VIEWER' });

      await redis.stop();
      try {
        // Invalidations can no longer arrive, so no instance may keep trusting what it cached in-process.
        await waitFor(
          () =>
            !appA.get(TenantLookupService).localCacheActive &&
            !appB.get(TenantLookupService).localCacheActive,
        );
        await whoami(appB, token).expect(200, { userId, role: 'VIEWER' });
        await request(appA.getHttpServer())
          .post(`/v1/users/${userId}/deactivate`)
          .set(asAdminOnA())
          .expect(200);
        expectApiError(await whoami(appB, token), 401, 'unauthorized');
      } finally {
        await redis.restart();
      }
      await localCachesOn();
      expectApiError(await whoami(appB, token), 401, 'unauthorized');
    },
    HASHING_TIMEOUT_MS,
  );
});
