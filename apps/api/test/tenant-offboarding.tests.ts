import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuditAction } from '@tenantpay/audit';
import { tenantOwnedCollectionNames } from '@tenantpay/data-isolation';
import { OffboardingService } from '@tenantpay/offboarding';
import { readTenantArchive, testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import Redis from 'ioredis';
import { Types } from 'mongoose';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import {
  asSuperAdmin,
  asUser,
  createTenancyTestApp,
  expectApiError,
  RecordingAuditSink,
  TEST_CREDENTIAL_HEADER,
} from './support/tenancy-test-app';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Identical documents for each tenant (only tenantId differs), so a leak of the other's cannot hide. */
const SEEDED: Record<string, (tenantId: Types.ObjectId) => Record<string, unknown>[]> = {
  payments: (tenantId) => [
    {
      tenantId,
      reference: 'same-ref-1',
      amount: 1000,
      currency: 'EUR',
      status: 'COMPLETED',
      deletedAt: null,
    },
    { tenantId, reference: 'same-ref-2', amount: 2500, currency: 'USD', status: 'PENDING', deletedAt: null },
    // Soft-deleted: still the tenant's data, so exported and then deleted for good.
    {
      tenantId,
      reference: 'same-ref-3',
      amount: 1,
      currency: 'EUR',
      status: 'CANCELED',
      deletedAt: new Date(),
    },
  ],
  users: (tenantId) => [{ tenantId, email: 'ops@bank.test', role: 'ADMIN', isActive: true, deletedAt: null }],
  webhook_endpoints: (tenantId) => [{ tenantId, url: 'https://hooks.bank.test/x', deletedAt: null }],
};

describe('tenant offboarding: export, download, deletion after retention (issue 13 part 6)', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();
  const tenancyAudit = new RecordingAuditSink();
  let app: NestFastifyApplication;
  let archiveDir: string;
  let redisClient: Redis;

  beforeAll(async () => {
    archiveDir = await mkdtemp(join(tmpdir(), 'offboarding-e2e-'));
    app = await createTenancyTestApp(
      testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url, OFFBOARD_ARCHIVE_DIR: archiveDir }),
      { audit: tenancyAudit },
    );
    redisClient = new Redis(redis.url, { keyPrefix: redis.keyPrefix });
  });
  afterAll(async () => {
    redisClient.disconnect();
    await app.close();
    await rm(archiveDir, { recursive: true, force: true });
  });

  const as = (credential: string) => {
    const agent = request(app.getHttpServer());
    return {
      get: (path: string) => agent.get(path).set(TEST_CREDENTIAL_HEADER, credential),
      post: (path: string) => agent.post(path).set(TEST_CREDENTIAL_HEADER, credential),
    };
  };
  const admin = () => as(asSuperAdmin());
  const create = async (slug: string): Promise<string> =>
    (
      await request(app.getHttpServer())
        .post('/v1/admin/tenants')
        .set(TEST_CREDENTIAL_HEADER, asSuperAdmin())
        .send({ slug, name: `Bank ${slug}`, tier: 'ENTERPRISE' })
        .expect(201)
    ).body.id as string;
  const seed = async (tenantId: string) => {
    for (const [collection, documents] of Object.entries(SEEDED)) {
      await mongo.db.collection(collection).insertMany(documents(new Types.ObjectId(tenantId)));
    }
    await redisClient.hset(`usage:{${tenantId}}:2026-12`, 'api_calls', '7');
    await redisClient.set(`rl:{${tenantId}}:api`, '1');
  };
  const countOf = (collection: string, tenantId: string) =>
    mongo.db.collection(collection).countDocuments({ tenantId: new Types.ObjectId(tenantId) });
  const auditActions = async (tenantId: string) =>
    (
      await mongo.db
        .collection('audit_events')
        .find({ tenantId: new Types.ObjectId(tenantId) })
        .toArray()
    ).map((event) => event['action'] as string);
  const download = (tenantId: string) =>
    admin()
      .get(`/v1/admin/tenants/${tenantId}/offboarding/archive`)
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      });

  it('refuses to start before the tenant is archived, and answers 404 for an unknown tenant', async () => {
    const tenantId = await create('not-archived-yet');
    expectApiError(
      await admin().post(`/v1/admin/tenants/${tenantId}/offboarding`),
      409,
      'tenant_not_archived',
    );
    expectApiError(
      await admin().post('/v1/admin/tenants/0123456789abcdef01234567/offboarding'),
      404,
      'tenant_not_found',
    );
    expectApiError(await admin().get(`/v1/admin/tenants/${tenantId}/offboarding`), 404, 'not_found');
  });

  it('is for super-admins only, never the tenant itself', async () => {
    const tenantId = await create('offboard-guarded');
    for (const path of ['', '/archive']) {
      expectApiError(
        await as(asUser(tenantId)).get(`/v1/admin/tenants/${tenantId}/offboarding${path}`),
        403,
        'forbidden',
      );
    }
    expectApiError(
      await as(asUser(tenantId)).post(`/v1/admin/tenants/${tenantId}/offboarding`),
      403,
      'forbidden',
    );
  });

  it("exports only the tenant's own documents of every tenant-owned collection, then deletes them after retention", async () => {
    const leaving = await create('leaving-bank');
    const staying = await create('staying-bank');
    await seed(leaving);
    await seed(staying);
    await admin().post(`/v1/admin/tenants/${leaving}/archive`).expect(200);

    const started = await admin().post(`/v1/admin/tenants/${leaving}/offboarding`).expect(202);
    expect(started.body).toMatchObject({
      tenantId: leaving,
      status: 'export_requested',
      requestedBy: 'p-1',
      archive: null,
    });
    // A repeated start answers the same offboarding.
    const again = await admin().post(`/v1/admin/tenants/${leaving}/offboarding`).expect(202);
    expect(again.body.requestedAt).toBe(started.body.requestedAt);
    expectApiError(await admin().get(`/v1/admin/tenants/${leaving}/offboarding/archive`), 409, 'conflict');

    // The worker's sweep (the same service the worker's repeatable job calls).
    const offboarding = app.get(OffboardingService, { strict: false });
    const exportedAt = new Date();
    expect(await offboarding.runDueWork(exportedAt)).toEqual({
      exported: 1,
      offboarded: 0,
      archivesDeleted: 0,
    });

    const status = (await admin().get(`/v1/admin/tenants/${leaving}/offboarding`).expect(200)).body;
    expect(status).toMatchObject({ status: 'exported', exportedAt: exportedAt.toISOString() });
    expect(new Date(status.deleteAfter).getTime() - exportedAt.getTime()).toBe(30 * DAY_MS);

    const response = await download(leaving).expect(200);
    expect(response.headers['content-type']).toBe('application/x-tar');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${status.archive.fileName}"`);
    const body = response.body as Buffer;
    const sha256 = createHash('sha256').update(body).digest('hex');
    expect(sha256).toBe(status.archive.sha256);
    expect(response.headers['repr-digest']).toBe(
      `sha-256=:${Buffer.from(sha256, 'hex').toString('base64')}:`,
    );

    const file = join(archiveDir, 'downloaded.tar');
    await writeFile(file, body);
    const archive = await readTenantArchive(file);
    // Every tenant-owned collection the process declares has its entry, with data or empty.
    expect(Object.keys(archive.collections).sort()).toEqual([...tenantOwnedCollectionNames()]);
    expect(archive.manifest).toMatchObject({ tenant: { id: leaving, slug: 'leaving-bank' } });
    for (const [collection, documents] of Object.entries(archive.collections)) {
      for (const document of documents) expect(String(document['tenantId'])).toBe(leaving);
      expect(documents).toHaveLength(SEEDED[collection]?.(new Types.ObjectId(leaving)).length ?? 0);
    }

    // Not yet: the retention period is not over.
    expect(await offboarding.runDueWork(new Date(exportedAt.getTime() + 29 * DAY_MS))).toEqual({
      exported: 0,
      offboarded: 0,
      archivesDeleted: 0,
    });
    expect(await countOf('payments', leaving)).toBe(3);

    const offboardedAt = new Date(exportedAt.getTime() + 30 * DAY_MS);
    expect(await offboarding.runDueWork(offboardedAt)).toEqual({
      exported: 0,
      offboarded: 1,
      archivesDeleted: 0,
    });
    for (const collection of Object.keys(SEEDED)) {
      expect(await countOf(collection, leaving)).toBe(0);
      expect(await countOf(collection, staying)).toBe(
        SEEDED[collection]?.(new Types.ObjectId(staying)).length,
      );
    }
    expect(await redisClient.exists(`usage:{${leaving}}:2026-12`, `rl:{${leaving}}:api`)).toBe(0);
    expect(await redisClient.exists(`usage:{${staying}}:2026-12`, `rl:{${staying}}:api`)).toBe(2);

    const done = (await admin().get(`/v1/admin/tenants/${leaving}/offboarding`).expect(200)).body;
    expect(done).toMatchObject({
      status: 'offboarded',
      deleted: { payments: 3, users: 1, webhook_endpoints: 1 },
      archiveDeleteAfter: new Date(offboardedAt.getTime() + 90 * DAY_MS).toISOString(),
      archiveDeletedAt: null,
    });
    const tenant = (await admin().get(`/v1/admin/tenants/${leaving}`).expect(200)).body;
    expect(tenant).toMatchObject({ isActive: false, offboardedAt: expect.any(String) });
    // Every instance sees it at once: the tenant's routes refuse, and it cannot be brought back empty.
    expectApiError(await as(asUser(leaving)).get('/v1/users'), 403, 'tenant_suspended');
    expectApiError(await admin().post(`/v1/admin/tenants/${leaving}/activate`), 409, 'conflict');
    expectApiError(await admin().post(`/v1/admin/tenants/${leaving}/unarchive`), 409, 'conflict');
    // The archive stays downloadable while its file is kept.
    await download(leaving).expect(200);

    // Tenancy's own steps go to its security audit sink (recorded in memory here), the offboarding's to the trail.
    expect(tenancyAudit.events).toContainEqual(
      expect.objectContaining({ action: AuditAction.TenantArchived, tenantId: leaving }),
    );
    expect(tenancyAudit.events).toContainEqual(
      expect.objectContaining({
        action: AuditAction.TenantOffboarded,
        tenantId: leaving,
        metadata: expect.objectContaining({ redisKeys: 2 }),
      }),
    );
    expect(await auditActions(leaving)).toEqual(
      expect.arrayContaining([
        AuditAction.TenantOffboardingStarted,
        AuditAction.TenantOffboardingExported,
        AuditAction.TenantOffboardingArchiveDownloaded,
      ]),
    );
  });

  it('deletes the archive file after its own retention, records and audits it, and a download then answers 410', async () => {
    const leaving = await create('archive-expiring-bank');
    await seed(leaving);
    await admin().post(`/v1/admin/tenants/${leaving}/archive`).expect(200);
    await admin().post(`/v1/admin/tenants/${leaving}/offboarding`).expect(202);
    const offboarding = app.get(OffboardingService, { strict: false });
    // A timeline of its own, later than the other tests': their archives fall due (and go) before this one's.
    const exportedAt = new Date(Date.now() + 1000 * DAY_MS);
    await offboarding.runDueWork(exportedAt);
    const offboardedAt = new Date(exportedAt.getTime() + 30 * DAY_MS);
    await offboarding.runDueWork(offboardedAt);
    const { archive } = (await admin().get(`/v1/admin/tenants/${leaving}/offboarding`).expect(200)).body;
    const file = join(archiveDir, archive.fileName as string);
    await expect(stat(file)).resolves.toBeDefined();

    // One day before the archive's retention ends: kept, still downloadable.
    const dayBefore = new Date(offboardedAt.getTime() + 89 * DAY_MS);
    await offboarding.runDueWork(dayBefore);
    await expect(stat(file)).resolves.toBeDefined();
    expect(
      (await admin().get(`/v1/admin/tenants/${leaving}/offboarding`).expect(200)).body.archiveDeletedAt,
    ).toBeNull();
    await download(leaving).expect(200);

    const due = new Date(offboardedAt.getTime() + 90 * DAY_MS);
    expect(await offboarding.runDueWork(due)).toEqual({ exported: 0, offboarded: 0, archivesDeleted: 1 });
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
    // Done once: a later sweep finds nothing more to delete or audit.
    expect((await offboarding.runDueWork(new Date(due.getTime() + DAY_MS))).archivesDeleted).toBe(0);

    const status = (await admin().get(`/v1/admin/tenants/${leaving}/offboarding`).expect(200)).body;
    expect(status).toMatchObject({ status: 'offboarded', archiveDeletedAt: due.toISOString() });
    const refused = await admin().get(`/v1/admin/tenants/${leaving}/offboarding/archive`);
    expectApiError(refused, 410, 'offboarding_archive_deleted');
    expect(refused.body.message).toContain(due.toISOString());

    const deletions = await mongo.db
      .collection('audit_events')
      .find({ tenantId: new Types.ObjectId(leaving), action: AuditAction.TenantOffboardingArchiveDeleted })
      .toArray();
    expect(deletions).toHaveLength(1);
    expect(deletions[0]?.['metadata']).toMatchObject({ fileName: archive.fileName, sha256: archive.sha256 });
  });
});
