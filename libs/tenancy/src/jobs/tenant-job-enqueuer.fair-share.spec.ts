import { testTenantSnapshot } from '../../test/tenant-snapshot.factory';
import { useTestRedis } from '@tenantpay/testing';
import { Queue } from 'bullmq';
import { ResolutionMethod } from '../context/resolution-method.enum';
import { TenantContextService } from '../context/tenant-context.service';
import type { TenantSnapshot } from '../tenants/tenant-snapshot';
import { Tier } from '../tiers/tier.enum';
import type { TenantJobData } from './tenant-job-data';
import { TenantJobEnqueuer } from './tenant-job-enqueuer.service';

describe('TenantJobEnqueuer.enqueueInFairShare', () => {
  const redis = useTestRedis();
  const context = new TenantContextService();
  const enqueuer = new TenantJobEnqueuer(context);
  let queue: Queue;
  let sequence = 0;

  beforeEach(() => {
    queue = new Queue(`fair-share-${++sequence}`, { connection: { url: redis.url } });
  });
  afterEach(() => queue.close());

  const enqueue = (tenant: TenantSnapshot, jobs: number) =>
    context.run({ tenant, resolvedBy: ResolutionMethod.ApiKey, principal: null, requestId: '' }, async () => {
      for (let job = 0; job < jobs; job++) await enqueuer.enqueueInFairShare(queue, 'work', { job });
    });
  /** The tenant of each waiting job, in the order workers will take them. */
  const lineOrder = async (): Promise<string[]> =>
    (await queue.getJobs(['prioritized'], 0, -1, true)).map(
      (job) => (job.data as TenantJobData<unknown>).tenantId,
    );

  it("puts a tenant with nothing waiting behind at most one job of another tenant's backlog", async () => {
    const busy = testTenantSnapshot('busy-bank', Tier.Enterprise);
    const quiet = testTenantSnapshot('quiet-bank', Tier.Starter);
    await enqueue(busy, 200);
    await enqueue(quiet, 1);

    const line = await lineOrder();
    expect(line).toHaveLength(201);
    expect(line.indexOf(quiet.id)).toBeLessThanOrEqual(1);
  });

  it('lets tenants with backlogs take turns in proportion to their tier weights (4 : 2 : 1)', async () => {
    const enterprise = testTenantSnapshot('enterprise-bank', Tier.Enterprise);
    const professional = testTenantSnapshot('professional-bank', Tier.Professional);
    const starter = testTenantSnapshot('starter-bank', Tier.Starter);
    await enqueue(enterprise, 40);
    await enqueue(starter, 10);
    await enqueue(professional, 20);

    const firstTurns = (await lineOrder()).slice(0, 21);
    const turnsOf = (tenant: TenantSnapshot) => firstTurns.filter((id) => id === tenant.id).length;
    expect([turnsOf(enterprise), turnsOf(professional), turnsOf(starter)]).toEqual([12, 6, 3]);
  });

  it('starts a tenant afresh once its earlier backlog has run', async () => {
    const busy = testTenantSnapshot('busy-bank', Tier.Starter);
    const other = testTenantSnapshot('other-bank', Tier.Enterprise);
    await enqueue(busy, 50);
    await queue.drain();
    await enqueue(other, 20);
    await enqueue(busy, 1);

    expect((await lineOrder()).indexOf(busy.id)).toBeLessThanOrEqual(1);
  });
});
