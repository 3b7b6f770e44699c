import {
  CrossTenantAccessException,
  DATA_ISOLATION_AUDIT_ACTIONS,
  DataIsolationModule,
  DataIsolationService,
  PlatformRepository,
  PlatformScopeRequiredException,
} from '../src';
import { Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { useTestMongo, withPollutedPrototype } from '@tenantpay/testing';
import type { ExamplePayment } from './fixtures/example-payment.schema';
import { InMemorySecurityEventRecorder } from './support/in-memory-security-event-recorder';
import { type IsolationHarness, startIsolationHarness } from './support/isolation-harness';
import { seedTenants } from './support/two-tenant-seed';
import { asPlatform, asTenant, testTenant, withoutTenant } from './support/test-tenants';

describe('PlatformRepository (explicit, audited cross-tenant access)', () => {
  const mongo = useTestMongo();
  const tenantA = testTenant('bank-a');
  const tenantB = testTenant('bank-b');
  let harness: IsolationHarness;
  let platform: PlatformRepository<ExamplePayment>;

  beforeAll(async () => {
    harness = await startIsolationHarness(mongo.uri);
    platform = new PlatformRepository(harness.payments, harness.isolation);
  });
  afterAll(async () => {
    await harness.close();
  });
  beforeEach(async () => {
    await seedTenants(mongo.db, [tenantA, tenantB]);
    harness.recorder.clear();
  });

  it('refuses to run outside runAsPlatform', async () => {
    await expect(platform.countDocuments()).rejects.toBeInstanceOf(PlatformScopeRequiredException);
  });

  it('is not opened by a polluted Object.prototype.platformScope', async () => {
    await withPollutedPrototype('platformScope', { reason: 'forged' }, async () => {
      await expect(withoutTenant(() => platform.countDocuments())).rejects.toBeInstanceOf(
        PlatformScopeRequiredException,
      );
      await expect(platform.find()).rejects.toBeInstanceOf(PlatformScopeRequiredException);
    });
    expect(harness.recorder.events).toEqual([]);
  });

  it('refuses to run inside a tenant context', async () => {
    await expect(asTenant(tenantA, () => platform.find())).rejects.toBeInstanceOf(
      PlatformScopeRequiredException,
    );
  });

  it('reads across tenants in the platform scope and audits the use with its reason', async () => {
    const perTenant = await asPlatform('monthly billing export', () =>
      platform.aggregate<{ _id: unknown; count: number }>([
        { $group: { _id: '$tenantId', count: { $sum: 1 } } },
      ]),
    );
    expect(perTenant.map((row) => row.count)).toEqual([5, 5]);
    expect(harness.recorder.events).toEqual([
      expect.objectContaining({
        action: DATA_ISOLATION_AUDIT_ACTIONS.platformScopeUsed,
        metadata: expect.objectContaining({
          reason: 'monthly billing export',
          operation: 'aggregate',
          collection: 'example_payments',
        }),
      }),
    ]);
  });

  it('excludes soft-deleted documents unless asked', async () => {
    await expect(asPlatform('support', () => platform.countDocuments())).resolves.toBe(8);
    await expect(
      asPlatform('support', () => platform.countDocuments({}, { deleted: 'include' })),
    ).resolves.toBe(10);
  });

  it('hard-deletes one tenant’s documents only', async () => {
    const deleted = await asPlatform('retention purge', () =>
      platform.hardDeleteForTenant(tenantA.id, { reference: 'R1' }),
    );
    expect(deleted).toBe(1);
    expect(await mongo.db.collection('example_payments').countDocuments({ reference: 'R1' })).toBe(1);
  });

  it('still refuses server-side JavaScript', async () => {
    await expect(asPlatform('support', () => platform.find({ $where: 'true' }))).rejects.toBeInstanceOf(
      CrossTenantAccessException,
    );
  });

  it('still refuses $out', async () => {
    await expect(asPlatform('support', () => platform.aggregate([{ $out: 'copy' }]))).rejects.toBeInstanceOf(
      CrossTenantAccessException,
    );
  });
});

describe('DataIsolationModule', () => {
  it('provides DataIsolationService with the bound SecurityEventRecorder', async () => {
    @Module({ providers: [InMemorySecurityEventRecorder], exports: [InMemorySecurityEventRecorder] })
    class FakeAuditModule {}
    const moduleRef = await Test.createTestingModule({
      imports: [
        DataIsolationModule.forRoot(
          { sharedCollections: ['currencies'] },
          { imports: [FakeAuditModule], useExisting: InMemorySecurityEventRecorder },
        ),
      ],
    }).compile();
    await moduleRef.init();
    const isolation = moduleRef.get(DataIsolationService);
    const recorder = moduleRef.get(InMemorySecurityEventRecorder);
    isolation.record({ action: 'x', outcome: 'denied', metadata: {} });
    expect(recorder.actions()).toEqual(['x']);
    await moduleRef.close();
  });
});
