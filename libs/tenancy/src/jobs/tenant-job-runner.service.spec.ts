import { Logger } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { Types } from 'mongoose';
import { ResolutionMethod } from '../context/resolution-method.enum';
import { TenantContextService } from '../context/tenant-context.service';
import type { Tenant } from '../tenants/tenant';
import { type TenantSnapshot, toTenantSnapshot } from '../tenants/tenant-snapshot';
import { Tier } from '../tiers/tier.enum';
import type { TenantJobData } from './tenant-job-data';
import { TenantJobRunner } from './tenant-job-runner.service';
import type { TenantLoader } from './tenant-loader';

function tenantSnapshot(slug: string, isActive = true): TenantSnapshot {
  const now = new Date();
  const tenant: Tenant = {
    _id: new Types.ObjectId(),
    slug,
    name: slug,
    tier: Tier.Professional,
    isActive,
    domains: [],
    settings: { branding: {}, paymentWorkflow: {} },
    createdAt: now,
    updatedAt: now,
  };
  return toTenantSnapshot(tenant);
}

function aJob(data: unknown): Job<TenantJobData<{ n: number }>> {
  return { id: '42', name: 'settle', queueName: 'payments', data } as Job<TenantJobData<{ n: number }>>;
}

describe('TenantJobRunner.run', () => {
  const context = new TenantContextService();
  const active = tenantSnapshot('bank-a');
  const suspended = tenantSnapshot('bank-s', false);
  const archived: TenantSnapshot = { ...tenantSnapshot('bank-r'), isArchived: true };
  let loader: jest.Mocked<TenantLoader>;
  let runner: TenantJobRunner;
  let handler: jest.Mock<Promise<unknown>, [{ n: number }, TenantSnapshot]>;

  beforeEach(() => {
    const known = new Map([active, suspended, archived].map((tenant) => [tenant.id, tenant]));
    loader = { findById: jest.fn(async (id: string) => known.get(id) ?? null) };
    runner = new TenantJobRunner(loader, context);
    handler = jest.fn(async (_payload: { n: number }, _tenant: TenantSnapshot) => context.current());
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it("runs the handler inside the job's tenant context, with the enqueuing request's id", async () => {
    const seen = await runner.run(
      aJob({ tenantId: active.id, requestId: 'req-7', payload: { n: 1 } }),
      handler,
    );

    expect(handler).toHaveBeenCalledWith({ n: 1 }, active);
    expect(seen).toEqual({
      tenant: active,
      resolvedBy: ResolutionMethod.Job,
      principal: null,
      requestId: 'req-7',
    });
    expect(context.current()).toBeUndefined();
  });

  it('names the job as the request id when the job was not enqueued by a request', async () => {
    const seen = await runner.run(aJob({ tenantId: active.id, payload: { n: 1 } }), handler);

    expect(seen).toMatchObject({ requestId: 'job:payments:42' });
  });

  it.each([
    ['no data', undefined],
    ['data that is not an object', 'tenant'],
    ['no tenant id', { payload: { n: 1 } }],
    ['a tenant id that is not a string', { tenantId: { $ne: null }, payload: { n: 1 } }],
    ['a slug instead of a tenant id', { tenantId: 'bank-a', payload: { n: 1 } }],
    ['an upper-case tenant id', { tenantId: active.id.toUpperCase(), payload: { n: 1 } }],
  ])('fails permanently, without loading anything, for a job with %s', async (_case, data) => {
    await expect(runner.run(aJob(data), handler)).rejects.toThrow(UnrecoverableError);
    await expect(runner.run(aJob(data), handler)).rejects.toThrow(
      /payments\/settle#42 has no valid tenant id/,
    );

    expect(loader.findById).not.toHaveBeenCalled();
    expect(handler).not.toHaveBeenCalled();
  });

  it('fails permanently for a tenant that does not exist', async () => {
    const unknownId = new Types.ObjectId().toHexString();

    await expect(runner.run(aJob({ tenantId: unknownId, payload: { n: 1 } }), handler)).rejects.toThrow(
      new UnrecoverableError(
        'Job payments/settle#42 names a tenant that does not exist; it fails without retrying',
      ),
    );
    expect(handler).not.toHaveBeenCalled();
  });

  it('fails permanently for a suspended tenant', async () => {
    await expect(runner.run(aJob({ tenantId: suspended.id, payload: { n: 1 } }), handler)).rejects.toThrow(
      /belongs to a suspended tenant/,
    );
    expect(handler).not.toHaveBeenCalled();
  });

  it('fails permanently for new work of an archived tenant (the default)', async () => {
    await expect(runner.run(aJob({ tenantId: archived.id, payload: { n: 1 } }), handler)).rejects.toThrow(
      /new work for an archived tenant/,
    );
    expect(handler).not.toHaveBeenCalled();
  });

  it('finishes work an archived tenant started before, when the job says so', async () => {
    await runner.run(aJob({ tenantId: archived.id, payload: { n: 1 } }), handler, { whenArchived: 'finish' });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('closes work of a suspended tenant, in its context, when the job says so', async () => {
    const seen = await runner.run(aJob({ tenantId: suspended.id, payload: { n: 1 } }), handler, {
      whenSuspended: 'finish',
    });
    expect(handler).toHaveBeenCalledTimes(1);
    expect(seen).toEqual(expect.objectContaining({ tenant: suspended }));
  });

  it('refuses a loader answer for another tenant than the one asked for', async () => {
    loader.findById.mockResolvedValue(active);
    const otherId = new Types.ObjectId().toHexString();

    await expect(runner.run(aJob({ tenantId: otherId, payload: { n: 1 } }), handler)).rejects.toThrow(
      UnrecoverableError,
    );
    expect(handler).not.toHaveBeenCalled();
  });

  it('logs every permanent failure at error level, without the payload', async () => {
    const errorLog = jest.mocked(Logger.prototype.error);
    await runner
      .run(aJob({ tenantId: suspended.id, payload: { card: '4111111111111111' } }), handler)
      .catch(() => undefined);

    expect(errorLog).toHaveBeenCalledWith(
      expect.objectContaining({ queue: 'payments', jobName: 'settle', jobId: '42', tenantId: suspended.id }),
    );
    expect(JSON.stringify(errorLog.mock.calls)).not.toContain('4111111111111111');
  });

  it('lets a failure to load the tenant through as is, so that BullMQ retries it', async () => {
    const outage = new Error('MongoServerSelectionError: connection refused');
    loader.findById.mockRejectedValue(outage);

    const run = runner.run(aJob({ tenantId: active.id, payload: { n: 1 } }), handler);

    await expect(run).rejects.toBe(outage);
    expect(handler).not.toHaveBeenCalled();
  });
});
