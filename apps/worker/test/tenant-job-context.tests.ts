import { BullModule, InjectQueue, Processor } from '@nestjs/bullmq';
import { type INestApplicationContext, Injectable, Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PlatformCoreModule, PlatformQueueModule, redisConnectionOptions } from '@tenantpay/platform';
import {
  type Principal,
  ResolutionMethod,
  TENANT_COLLECTION,
  TenancyModule,
  TenantAwareProcessor,
  TenantContextService,
  TenantJobEnqueuer,
  TenantJobsModule,
  TenantLookupService,
  type TenantSnapshot,
  Tier,
} from '@tenantpay/tenancy';
import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import { type Job, type JobsOptions, Queue, QueueEvents } from 'bullmq';
import { Types } from 'mongoose';

const QUEUE = 'tenant-job-probe';

interface ProbePayload {
  /** Pauses between context reads, so that concurrent jobs interleave at every await. */
  readonly pausesMs: readonly number[];
}

interface Observation {
  readonly tenantIdAtEachStep: readonly string[];
  readonly handedTenantId: string;
  readonly requestId: string | undefined;
  readonly resolvedBy: ResolutionMethod | null | undefined;
  readonly principal: Principal | null | undefined;
}

/** Reads the tenant context before and after every pause, and reports what it saw. */
@Processor(QUEUE, { concurrency: 8 })
class ProbeProcessor extends TenantAwareProcessor<ProbePayload, Observation> {
  static runs = 0;
  static inFlight = 0;
  static maxInFlight = 0;

  constructor(private readonly tenantContext: TenantContextService) {
    super();
  }

  protected async processForTenant(payload: ProbePayload, tenant: TenantSnapshot): Promise<Observation> {
    ProbeProcessor.runs += 1;
    ProbeProcessor.inFlight += 1;
    ProbeProcessor.maxInFlight = Math.max(ProbeProcessor.maxInFlight, ProbeProcessor.inFlight);
    try {
      const tenantIdAtEachStep = [this.tenantContext.getTenantId()];
      for (const pauseMs of payload.pausesMs) {
        await new Promise((resolve) => setTimeout(resolve, pauseMs));
        tenantIdAtEachStep.push(this.tenantContext.getTenantId());
      }
      const context = this.tenantContext.current();
      return {
        tenantIdAtEachStep,
        handedTenantId: tenant.id,
        requestId: context?.requestId,
        resolvedBy: context?.resolvedBy,
        principal: context?.principal,
      };
    } finally {
      ProbeProcessor.inFlight -= 1;
    }
  }
}

@Injectable()
class ProbeQueue {
  constructor(@InjectQueue(QUEUE) readonly queue: Queue) {}
}

describe('tenant-aware jobs (BullMQ on Redis, tenants in MongoDB)', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();

  // Nested so that its afterAll closes the app (and BullMQ's blocking connections) before the harness
  // stops the file's redis-server: BullMQ connections wait for Redis forever, so closing after it hangs.
  describe('in a worker', () => {
    const tenantIds = { a: new Types.ObjectId(), b: new Types.ObjectId(), suspended: new Types.ObjectId() };
    const context = new TenantContextService();
    let app: INestApplicationContext;
    let queue: Queue;
    let queueEvents: QueueEvents;
    let enqueuer: TenantJobEnqueuer;
    let lookup: TenantLookupService;
    const contextsSeenByWorkerEvents: unknown[] = [];

    beforeAll(async () => {
      const now = new Date();
      await mongo.db.collection(TENANT_COLLECTION).insertMany(
        Object.entries(tenantIds).map(([name, _id]) => ({
          _id,
          slug: `bank-${name}`,
          name: `Bank ${name}`,
          tier: Tier.Professional,
          isActive: name !== 'suspended',
          domains: [],
          settings: { branding: {}, paymentWorkflow: {} },
          createdAt: now,
          updatedAt: now,
        })),
      );

      // The tenant-job wiring of WorkerModule: the real cached tenant lookup as the jobs' tenant loader.
      const config = testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url });
      @Module({
        imports: [
          PlatformCoreModule.forRoot(config),
          PlatformQueueModule,
          TenancyModule.forRoot(),
          TenantJobsModule.forRootAsync({
            inject: [TenantLookupService],
            useFactory: (tenants: TenantLookupService) => tenants,
          }),
          BullModule.registerQueue({ name: QUEUE }),
        ],
        providers: [ProbeProcessor, ProbeQueue],
      })
      class ProbeWorkerModule {}
      app = await NestFactory.createApplicationContext(ProbeWorkerModule, { logger: false });
      await app.init();
      queue = app.get(ProbeQueue).queue;
      queue.setMaxListeners(100); // one listener per job awaited at once
      enqueuer = app.get(TenantJobEnqueuer);
      lookup = app.get(TenantLookupService);
      queueEvents = new QueueEvents(QUEUE, {
        connection: { ...redisConnectionOptions(redis.url), maxRetriesPerRequest: null },
      });
      await queueEvents.waitUntilReady();
      app
        .get(ProbeProcessor)
        .worker.on('completed', () => contextsSeenByWorkerEvents.push(context.current()));
    });
    afterAll(async () => {
      await queueEvents?.close();
      await app?.close();
    });
    afterEach(() => jest.restoreAllMocks());

    const tenantOf = async (id: Types.ObjectId): Promise<TenantSnapshot> => {
      const tenant = await lookup.findById(id.toHexString());
      if (tenant === null) throw new Error('test tenant missing');
      return tenant;
    };
    /** Enqueues from inside a request of `tenant`, as an API service would. */
    const enqueueAs = (
      tenant: TenantSnapshot,
      requestId: string,
      payload: ProbePayload,
      opts?: JobsOptions,
    ) =>
      context.run({ tenant, resolvedBy: ResolutionMethod.JwtClaim, principal: null, requestId }, () =>
        enqueuer.enqueue(queue, 'probe', payload, opts),
      );
    const finished = (job: Job) => job.waitUntilFinished(queueEvents) as Promise<Observation>;

    describe('a job with a valid tenant', () => {
      it('is processed in the tenant that enqueued it, with two tenants interleaved', async () => {
        const [tenantA, tenantB] = [await tenantOf(tenantIds.a), await tenantOf(tenantIds.b)];
        const enqueued: { tenant: TenantSnapshot; requestId: string; job: Job }[] = [];
        for (let i = 0; i < 10; i += 1) {
          const tenant = i % 2 === 0 ? tenantA : tenantB;
          const requestId = `req-${tenant.slug}-${i}`;
          enqueued.push({ tenant, requestId, job: await enqueueAs(tenant, requestId, { pausesMs: [5, 1] }) });
        }

        const observations = await Promise.all(enqueued.map(({ job }) => finished(job)));

        observations.forEach((observation, index) => {
          const { tenant, requestId } = enqueued[index] ?? {};
          expect(observation).toEqual({
            tenantIdAtEachStep: [tenant?.id, tenant?.id, tenant?.id],
            handedTenantId: tenant?.id,
            requestId,
            resolvedBy: ResolutionMethod.Job,
            principal: null,
          });
        });
      });

      it('keeps every concurrent job in its own tenant across every await, and leaks nothing outside', async () => {
        const [tenantA, tenantB] = [await tenantOf(tenantIds.a), await tenantOf(tenantIds.b)];
        ProbeProcessor.maxInFlight = 0;
        const enqueued: { tenant: TenantSnapshot; job: Job }[] = [];
        for (let i = 0; i < 32; i += 1) {
          const tenant = (i * 7) % 3 === 0 ? tenantB : tenantA;
          // A different pause pattern per job, so A's and B's continuations interleave in many orders.
          const pausesMs = [(i * 3) % 7, (i * 5) % 4, (i * 2) % 5, 1];
          enqueued.push({ tenant, job: await enqueueAs(tenant, `req-${i}`, { pausesMs }) });
        }

        const observations = await Promise.all(enqueued.map(({ job }) => finished(job)));

        // The scenario really happened: jobs of both tenants were in progress at the same time.
        expect(ProbeProcessor.maxInFlight).toBeGreaterThan(1);
        observations.forEach((observation, index) => {
          expect(observation.tenantIdAtEachStep).toEqual(Array(5).fill(enqueued[index]?.tenant.id));
        });
        expect(contextsSeenByWorkerEvents.length).toBeGreaterThan(0);
        expect(contextsSeenByWorkerEvents.filter((seen) => seen !== undefined)).toEqual([]);
        expect(context.current()).toBeUndefined();
      });

      it('is retried when the tenant cannot be loaded for the moment (database trouble is transient)', async () => {
        const tenantA = await tenantOf(tenantIds.a);
        jest
          .spyOn(lookup, 'findById')
          .mockRejectedValueOnce(new Error('MongoServerSelectionError: timed out'));
        const job = await enqueueAs(tenantA, 'req-retry', { pausesMs: [] }, { attempts: 2, backoff: 0 });

        await expect(finished(job)).resolves.toMatchObject({ handedTenantId: tenantIds.a.toHexString() });
        expect(lookup.findById).toHaveBeenCalledTimes(2);
      });
    });

    describe('a job without a valid tenant fails at once, for good, and visibly', () => {
      it.each([
        ['no tenant id', { payload: { pausesMs: [] } }],
        ['a malformed tenant id', { tenantId: 'bank-a', payload: { pausesMs: [] } }],
        ['an operator instead of a tenant id', { tenantId: { $ne: null }, payload: { pausesMs: [] } }],
        ['an unknown tenant id', { tenantId: new Types.ObjectId().toHexString(), payload: { pausesMs: [] } }],
        ['a suspended tenant', { tenantId: tenantIds.suspended.toHexString(), payload: { pausesMs: [] } }],
      ])('%s', async (_case, data) => {
        const errorLog = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
        const runsBefore = ProbeProcessor.runs;

        const job = await queue.add('probe', data, { attempts: 3, backoff: { type: 'fixed', delay: 0 } });

        await expect(finished(job)).rejects.toThrow(/fails without retrying/);
        const failed = await queue.getJob(job.id ?? '');
        await expect(failed?.getState()).resolves.toBe('failed');
        expect(failed?.attemptsMade).toBe(1);
        expect(ProbeProcessor.runs).toBe(runsBefore);
        expect(errorLog).toHaveBeenCalledWith(expect.objectContaining({ queue: QUEUE, jobId: job.id }));
      });
    });
  });
});
