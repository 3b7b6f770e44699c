import type { RedisClient } from '@tenantpay/platform';
import type { INestApplicationContext } from '@nestjs/common';
import type { QuotaHold } from '@tenantpay/payments';
import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import type { TenantSnapshot } from '@tenantpay/tenancy';
import {
  QUOTA_HELD_TOTAL_FIELD,
  QUOTA_RESET_HEADER,
  QuotaExceededException,
  QuotaUnavailableException,
  quotaHeldUnitsKey,
  quotaHoldExpiriesKey,
  TransactionQuotaService,
  USAGE_THRESHOLD_REACHED_EVENT,
  UsagePeriod,
  type QuotaFallbackDecision,
  UsageMetrics,
  UsageReaderService,
  UsageSyncService,
} from '../src';
import {
  ManualClock,
  newTenantId,
  RecordingPublisher,
  silenceLogs,
  startUsageInstance,
  tenantWithQuota,
  waitUntil,
} from './usage-test-module';

const JANUARY = '2025-01';

describe('TransactionQuotaService (reserve, then commit)', () => {
  const mongo = useTestMongo();
  const testRedis = useTestRedis();
  const clock = new ManualClock(new Date('2025-01-15T12:00:00Z'));
  const publisher = new RecordingPublisher();
  let app: INestApplicationContext;
  let redis: RedisClient;
  let quota: TransactionQuotaService;

  // A generous deadline: on a busy machine a reservation that timed out would be decided by the fallback.
  const config = () =>
    testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: testRedis.url, PAYMENTS_REDIS_BUDGET_MS: '2000' });
  const transactions = async (tenantId: string) =>
    (await app.get(UsageReaderService).read(tenantId, UsagePeriod.parse(JANUARY))).counters.transactions;
  const held = async (tenantId: string) =>
    Number((await redis.hget(quotaHeldUnitsKey(tenantId, JANUARY), QUOTA_HELD_TOTAL_FIELD)) ?? 0);
  /** Reserves one payment's unit (or a batch's rows) and answers the hold, or the refusal. */
  const take = async (tenant: TenantSnapshot, batchRows?: number): Promise<QuotaHold> => {
    const hold = quota.prepareHold(tenant, batchRows);
    await quota.reserve(tenant, hold);
    return hold;
  };
  const refusalOf = (work: Promise<unknown>) =>
    work.then(
      (value) => (value === undefined ? undefined : 'admitted'),
      (error: unknown) => error,
    );
  /** What a created payment does: reserve, then commit. */
  const createPayment = async (tenant: TenantSnapshot, paymentId: string) =>
    quota.recordCreated(tenant, paymentId, await take(tenant));

  beforeAll(async () => {
    ({ app, redis } = await startUsageInstance(config(), { clock, publisher }));
    quota = app.get(TransactionQuotaService);
  });
  beforeEach(() => {
    silenceLogs();
    clock.set('2025-01-15T12:00:00Z');
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    await app.close();
  });

  it('admits exactly the remaining quota among 50 concurrent reservations', async () => {
    const tenant = tenantWithQuota(newTenantId(), 1000);
    for (let i = 0; i < 990; i += 1) await quota.recordCreated(tenant, `pay_${i}`, null);

    const outcomes = await Promise.all(Array.from({ length: 50 }, () => refusalOf(take(tenant))));

    expect(outcomes.filter((outcome) => outcome === 'admitted')).toHaveLength(10);
    expect(outcomes.filter((outcome) => outcome instanceof QuotaExceededException)).toHaveLength(40);
    expect(await held(tenant.id)).toBe(10);
  });

  it('refuses over the quota with the period’s reset time, and admits again in the next period', async () => {
    const tenant = tenantWithQuota(newTenantId(), 3);
    for (let i = 0; i < 3; i += 1) await createPayment(tenant, `pay_${i}`);

    const refusal = await refusalOf(take(tenant));
    expect(refusal).toBeInstanceOf(QuotaExceededException);
    const reset = Date.parse('2025-02-01T00:00:00Z') / 1000;
    expect((refusal as QuotaExceededException).headers).toEqual({
      'Retry-After': String(reset - Date.parse('2025-01-15T12:00:00Z') / 1000),
      [QUOTA_RESET_HEADER]: String(reset),
    });
    expect(await transactions(tenant.id)).toBe(3);
    expect(await held(tenant.id)).toBe(0);

    clock.set('2025-02-01T00:00:00Z');
    await expect(take(tenant)).resolves.toMatchObject({ period: '2025-02', units: 1 });
  });

  it('gives a failed creation’s unit back, and a repeated release frees nothing more', async () => {
    const tenant = tenantWithQuota(newTenantId(), 2);
    const failed = await take(tenant);
    const kept = await take(tenant);
    expect(await refusalOf(take(tenant))).toBeInstanceOf(QuotaExceededException);

    await quota.release(tenant, failed);
    await quota.release(tenant, failed);

    expect(await held(tenant.id)).toBe(1);
    const again = await take(tenant);
    expect(await refusalOf(take(tenant))).toBeInstanceOf(QuotaExceededException);
    await quota.recordCreated(tenant, 'pay_kept', kept);
    await quota.recordCreated(tenant, 'pay_again', again);
    expect(await transactions(tenant.id)).toBe(2);
    expect(await held(tenant.id)).toBe(0);
  });

  it('takes a hold once however often it is reserved (a retried MongoDB transaction)', async () => {
    const tenant = tenantWithQuota(newTenantId(), 2);
    const hold = quota.prepareHold(tenant);
    for (let i = 0; i < 3; i += 1) await quota.reserve(tenant, hold);

    expect(await held(tenant.id)).toBe(1);
    await expect(take(tenant)).resolves.toBeDefined();
  });

  it('gives back the holds of creators that died, once they expire', async () => {
    const tenant = tenantWithQuota(newTenantId(), 1);
    const abandoned = await take(tenant);
    expect(await refusalOf(take(tenant))).toBeInstanceOf(QuotaExceededException);

    // As if its QUOTA_HOLD_SECONDS had passed (the script reads Redis's clock, not the test's).
    await redis.zadd(quotaHoldExpiriesKey(tenant.id, JANUARY), 1, abandoned.id);

    await expect(take(tenant)).resolves.toBeDefined();
    expect(await held(tenant.id)).toBe(1);
  });

  it('holds a batch’s rows all or nothing, and takes its payments off the hold one by one', async () => {
    const tenant = tenantWithQuota(newTenantId(), 5);
    await createPayment(tenant, 'pay_1');
    await createPayment(tenant, 'pay_2');

    expect(await refusalOf(take(tenant, 4))).toBeInstanceOf(QuotaExceededException);
    expect(await held(tenant.id)).toBe(0);
    const batch = await take(tenant, 3);
    expect(batch).toMatchObject({ units: 3, forBatch: true });
    expect(await refusalOf(take(tenant))).toBeInstanceOf(QuotaExceededException);

    await quota.recordCreated(tenant, 'row_0', batch);
    await quota.release(tenant, batch, 1); // row 1 refused
    expect(await held(tenant.id)).toBe(1);
    const single = await take(tenant);
    expect(await refusalOf(take(tenant))).toBeInstanceOf(QuotaExceededException);

    await quota.release(tenant, batch); // the batch completed
    await quota.release(tenant, single);
    expect(await held(tenant.id)).toBe(0);
    expect(await transactions(tenant.id)).toBe(3);
  });

  it('counts what MongoDB persisted when Redis lost the period', async () => {
    const tenant = tenantWithQuota(newTenantId(), 5);
    for (let i = 0; i < 4; i += 1) await createPayment(tenant, `pay_${i}`);
    await app.get(UsageSyncService).syncAll();
    await testRedis.restart();
    await waitUntil(() => redis.status === 'ready');

    const last = await take(tenant);
    expect(await refusalOf(take(tenant))).toBeInstanceOf(QuotaExceededException);
    await quota.recordCreated(tenant, 'pay_after_restart', last);
    expect(await transactions(tenant.id)).toBe(5);
  });

  it('counts a payment once however often it is recorded', async () => {
    const tenant = tenantWithQuota(newTenantId(), 100);
    const hold = await take(tenant);
    await quota.recordCreated(tenant, 'pay_1', hold);
    await quota.recordCreated(tenant, 'pay_1', null); // a retried job
    await quota.recordCreated(tenant, 'pay_2', null);
    expect(await transactions(tenant.id)).toBe(2);
  });

  it('never checks nor holds an unlimited quota', async () => {
    const tenant = tenantWithQuota(newTenantId());
    for (let i = 0; i < 5; i += 1) await createPayment(tenant, `pay_${i}`);
    expect(await redis.exists(quotaHeldUnitsKey(tenant.id, JANUARY))).toBe(0);
    expect(await transactions(tenant.id)).toBe(5);
    expect(publisher.events.filter((event) => event.tenantId === tenant.id)).toEqual([]);
  });

  it('raises one audit event and one webhook event per threshold, across instances, under concurrency', async () => {
    const other = new RecordingPublisher();
    const second = await startUsageInstance(config(), { clock, publisher: other });
    try {
      const tenant = tenantWithQuota(newTenantId(), 10);
      const quotas = [quota, second.app.get(TransactionQuotaService)];
      const outcomes = await Promise.all(
        Array.from({ length: 30 }, async (_, i) => {
          const instance = quotas[i % 2] as TransactionQuotaService;
          const hold = instance.prepareHold(tenant);
          try {
            await instance.reserve(tenant, hold);
          } catch {
            return 'refused';
          }
          await instance.recordCreated(tenant, `pay_${i}`, hold);
          return 'created';
        }),
      );

      expect(outcomes.filter((outcome) => outcome === 'created')).toHaveLength(10);
      expect(await transactions(tenant.id)).toBe(10);
      const published = [...publisher.events, ...other.events].filter(
        (event) => event.tenantId === tenant.id,
      );
      expect(published.map((event) => event.data.thresholdPercent).sort()).toEqual([100, 80]);
      expect(published.every((event) => event.type === USAGE_THRESHOLD_REACHED_EVENT)).toBe(true);
      const audited = await mongo.db
        .collection('audit_events')
        .find({ action: 'usage.threshold_reached' })
        .toArray();
      const mine = audited.filter((event) => String(event['tenantId']) === tenant.id);
      expect(
        mine.map((event) => (event['metadata'] as { thresholdPercent: number }).thresholdPercent).sort(),
      ).toEqual([100, 80]);
    } finally {
      await second.app.close();
    }
  });

  it('does not alert again after Redis lost its flags', async () => {
    const tenant = tenantWithQuota(newTenantId(), 5);
    for (let i = 0; i < 4; i += 1) await createPayment(tenant, `pay_${i}`);
    await app.get(UsageSyncService).syncAll();
    await testRedis.restart();
    await waitUntil(() => redis.status === 'ready');
    await createPayment(tenant, 'pay_after_restart');

    const thresholds = publisher.events
      .filter((event) => event.tenantId === tenant.id)
      .map((event) => event.data.thresholdPercent);
    expect(thresholds.sort()).toEqual([100, 80]);
    expect(await transactions(tenant.id)).toBe(5);
  });

  describe('while Redis does not answer', () => {
    afterEach(async () => {
      await testRedis.restart();
      await waitUntil(() => redis.status === 'ready');
    });

    it('admits at most the remainder it last knew, per tenant, and 503 for a tenant it never saw', async () => {
      const known = tenantWithQuota(newTenantId(), 10);
      const unknown = tenantWithQuota(newTenantId(), 10);
      for (let i = 0; i < 6; i += 1) await createPayment(known, `pay_${i}`);
      // Redis's last answer to this process: 3 left after this hold.
      await take(known);

      await testRedis.stop();
      const holds = Array.from({ length: 8 }, () => quota.prepareHold(known));
      const outcomes = await Promise.all(holds.map((hold) => refusalOf(quota.reserve(known, hold))));

      expect(outcomes.filter((outcome) => outcome === undefined)).toHaveLength(3);
      expect(outcomes.filter((outcome) => outcome instanceof QuotaExceededException)).toHaveLength(5);
      const refusal = await refusalOf(take(unknown));
      expect(refusal).toBeInstanceOf(QuotaUnavailableException);
      expect((refusal as QuotaUnavailableException).code).toBe('service_unavailable');
      expect((refusal as QuotaUnavailableException).headers).toEqual({ 'Retry-After': '1' });

      // A creation that fails gives its unit back to what this process may still admit; a created one does not.
      const admitted = holds.filter((_, index) => outcomes[index] === undefined);
      await quota.release(known, admitted[0] as QuotaHold);
      await quota.recordCreated(known, 'pay_in_outage', admitted[1] as QuotaHold);
      await expect(take(known)).resolves.toBeDefined();
      expect(await refusalOf(take(known))).toBeInstanceOf(QuotaExceededException);
    });

    it('counts each decision it takes without Redis, by outcome', async () => {
      const decisions = async () => {
        const { values } = await app.get(UsageMetrics).quotaFallbackDecisions.get();
        const count = (decision: QuotaFallbackDecision) =>
          values.find((value) => value.labels['decision'] === decision)?.value ?? 0;
        return { admitted: count('admitted'), refused: count('refused'), unavailable: count('unavailable') };
      };
      const known = tenantWithQuota(newTenantId(), 10);
      // Redis's last answer to this process: 2 left after this hold.
      await take(known, 8);
      const before = await decisions();

      await testRedis.stop();
      for (let i = 0; i < 3; i += 1) await refusalOf(take(known));
      await refusalOf(take(tenantWithQuota(newTenantId(), 10)));

      expect(await decisions()).toEqual({
        admitted: before.admitted + 2,
        refused: before.refused + 1,
        unavailable: before.unavailable + 1,
      });
    });
  });
});
