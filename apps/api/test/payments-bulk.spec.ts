import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuditService } from '@tenantpay/audit';
import { TenantUserRole } from '@tenantpay/identity';
import { PaymentBatchProcessingService, type TransactionQuota } from '@tenantpay/payments';
import { REDIS_CLIENT } from '@tenantpay/platform';
import {
  ResolutionMethod,
  TenantContextService,
  type TenantSnapshot,
  Tier,
  UNLIMITED,
} from '@tenantpay/tenancy';
import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import {
  QUOTA_HELD_TOTAL_FIELD,
  quotaHeldUnitsKey,
  TransactionQuotaService,
  UsagePeriod,
} from '@tenantpay/usage';
import type Redis from 'ioredis';
import type { Worker } from 'bullmq';
import { ObjectId } from 'mongodb';
import request from 'supertest';
import { expectApiError, seedTenant } from './identity-test-app';
import {
  createPaymentsTestApp,
  newPayment,
  RecordingPorts,
  startInlineBatchWorker,
  startInlineWorker,
  TEST_PAYMENT_BATCH_SETTINGS,
  userToken,
} from './payments-test-app';
import { waitFor } from './support/tenancy-test-app';

/** The usage library's real quota (Redis counters, effective limits), reached once the app exists. */
class RealQuotaPorts extends RecordingPorts {
  app: NestFastifyApplication | undefined;
  override readonly quota: TransactionQuota = {
    prepareHold: (tenant, batchRows) => this.service().prepareHold(tenant, batchRows),
    reserve: (tenant, hold) => this.service().reserve(tenant, hold),
    release: (tenant, hold, units) => this.service().release(tenant, hold, units),
    recordCreated: (tenant, paymentId, hold) => this.service().recordCreated(tenant, paymentId, hold),
  };

  private service(): TransactionQuotaService {
    if (this.app === undefined) throw new Error('the app is not created yet');
    return this.app.get(TransactionQuotaService);
  }
}

const BODY_LIMIT = 2 * 1024;
// Seeding hashes passwords (bcrypt) and the first test creates a few hundred payments end to end.
const SLOW_MS = 60_000;
const BULK_BODY_LIMIT = 256 * 1024;

describe('payments API: bulk payments /v1/payments/batches', () => {
  // Before useTestRedis: Jest runs afterAll hooks in declaration order; the workers close while Redis is up.
  afterAll(async () => {
    await batchWorker?.close();
    await paymentWorker?.close();
    await app?.close();
  });
  const mongo = useTestMongo();
  const redis = useTestRedis();
  const ports = new RealQuotaPorts();
  let app: NestFastifyApplication;
  let batchWorker: Worker;
  let paymentWorker: Worker;
  let professional: TenantSnapshot;
  let other: TenantSnapshot;
  let starter: TenantSnapshot;
  let operator: { id: string; auth: { Authorization: string } };
  let admin: { Authorization: string };
  let otherAdmin: { Authorization: string };
  let starterAdmin: { Authorization: string };
  const http = () => request(app.getHttpServer());
  const collection = (name: string) => mongo.db.collection(name);
  let keys = 0;
  const newKey = () => `batch-key-${Date.now()}-${(keys += 1)}`;

  const submit = (auth: Record<string, string>, payments: unknown[], key: string | null = newKey()) => {
    const call = http().post('/v1/payments/batches').set(auth);
    return (key === null ? call : call.set('Idempotency-Key', key)).send({ payments });
  };
  const rows = (count: number, prefix: string) =>
    Array.from({ length: count }, (_, index) => newPayment({ reference: `${prefix}-${index}` }));
  const completed = async (auth: Record<string, string>, id: string) => {
    // Polled in the database: polling the API would use up the tenant's rate limit.
    await waitFor(async () => {
      const batch = await collection('payment_batches').findOne({ _id: new ObjectId(id) });
      return batch?.['status'] === 'COMPLETED' || batch?.['status'] === 'COMPLETED_WITH_ERRORS';
    }, 30_000);
    return (await http().get(`/v1/payments/batches/${id}`).set(auth).expect(200)).body;
  };
  const allItems = async (auth: Record<string, string>, id: string, query = '') => {
    const items: Record<string, unknown>[] = [];
    let after: number | undefined;
    for (;;) {
      const cursor = after === undefined ? '' : `&starting_after=${after}`;
      const page = await http().get(`/v1/payments/batches/${id}/items?limit=200${query}${cursor}`).set(auth);
      expect(page.status).toBe(200);
      items.push(...page.body.data);
      if (!page.body.has_more) return items;
      after = page.body.data.at(-1).row;
    }
  };
  const tenantFilter = (tenant: TenantSnapshot) => ({ tenantId: new ObjectId(tenant.id) });

  beforeAll(async () => {
    app = await createPaymentsTestApp(
      testAppConfig({
        MONGODB_URI: mongo.uri,
        REDIS_URL: redis.url,
        HTTP_BODY_LIMIT_BYTES: String(BODY_LIMIT),
        HTTP_BULK_BODY_LIMIT_BYTES: String(BULK_BODY_LIMIT),
      }),
      ports,
    );
    ports.app = app;
    batchWorker = startInlineBatchWorker(app);
    paymentWorker = startInlineWorker(app);
    professional = await seedTenant(app, Tier.Professional);
    other = await seedTenant(app, Tier.Professional);
    starter = await seedTenant(app, Tier.Starter);
    operator = await userToken(app, professional, 'operator@bulk.test', TenantUserRole.Operator);
    admin = (await userToken(app, professional, 'admin@bulk.test', TenantUserRole.Admin)).auth;
    otherAdmin = (await userToken(app, other, 'admin@other.test', TenantUserRole.Admin)).auth;
    starterAdmin = (await userToken(app, starter, 'admin@starter.test', TenantUserRole.Admin)).auth;
  }, SLOW_MS);

  it(
    'turns every row into a payment in chunks, with progress, the same creation path and an audited batch',
    async () => {
      // Four chunks, processed two at a time. Each row is a full payment creation (transaction, metering,
      // processing job), so the count stays modest: volume belongs in a benchmark, not in this suite.
      const count = TEST_PAYMENT_BATCH_SETTINGS.chunkSize * 4;
      const submitted = rows(count, 'happy');
      const accepted = await submit(operator.auth, submitted);

      expect(accepted.status).toBe(202);
      expect(accepted.body).toMatchObject({
        object: 'payment_batch',
        status: 'PENDING',
        counts: { total: count, accepted: count, rejected: 0, pending: count, created: 0, failed: 0 },
        progress: { processed: 0, total: count, percent: 0 },
        createdBy: { type: 'user', id: operator.id },
        errors: [],
        errorsTruncated: false,
      });
      // The body is larger than HTTP_BODY_LIMIT_BYTES: the batch route has its own limit.
      expect(JSON.stringify({ payments: submitted }).length).toBeGreaterThan(BODY_LIMIT);

      const done = await completed(operator.auth, accepted.body.id);
      expect(done).toMatchObject({
        status: 'COMPLETED',
        counts: { total: count, accepted: count, rejected: 0, pending: 0, created: count, failed: 0 },
        progress: { processed: count, total: count, percent: 100 },
        completedAt: expect.any(String),
      });

      const items = await allItems(operator.auth, accepted.body.id);
      expect(items.map((item) => item['row'])).toEqual(Array.from({ length: count }, (_, index) => index));
      expect(
        items.every((item) => item['status'] === 'created' && typeof item['paymentId'] === 'string'),
      ).toBe(true);
      const payments = await collection('payments')
        .find({ ...tenantFilter(professional), reference: { $regex: '^happy-' } })
        .toArray();
      expect(payments).toHaveLength(count);
      // On behalf of the submitter, so four-eyes approval still knows who created each payment.
      expect(payments.every((payment) => payment['createdBy'].id === operator.id)).toBe(true);
      expect(new Set(items.map((item) => item['paymentId']))).toEqual(
        new Set(payments.map((payment) => payment._id.toHexString())),
      );
      // Metered once per payment and queued for processing, like single payments.
      const usage = await http().get('/v1/usage').set(admin).expect(200);
      expect(usage.body.usage.transactions).toBe(count);
      await waitFor(
        async () =>
          (await collection('payments').countDocuments({
            ...tenantFilter(professional),
            reference: { $regex: '^happy-' },
            status: 'COMPLETED',
          })) === count,
        30_000,
      );
      // Each row shows its payment's status now, not the PENDING it was created with.
      expect((await allItems(operator.auth, accepted.body.id)).map((item) => item['paymentStatus'])).toEqual(
        Array.from({ length: count }, () => 'COMPLETED'),
      );

      const audit = await app.get(TenantContextService).run(
        {
          tenant: professional,
          resolvedBy: ResolutionMethod.TenantHeader,
          principal: null,
          requestId: 'test',
        },
        () => app.get(AuditService).search({}, { limit: 100 }),
      );
      expect(
        audit.data.filter(
          (event) => event.action === 'payment_batch.created' && event.resource?.id === accepted.body.id,
        ),
      ).toHaveLength(1);
    },
    SLOW_MS,
  );

  it(
    'reports bad rows (row, field, issue) as rejected, with the single-payment rules, and creates the others',
    async () => {
      await http()
        .post('/v1/payments')
        .set(operator.auth)
        .send(newPayment({ reference: 'bad-existing' }))
        .expect(201);
      const badAmount = newPayment({ amount: 10.5 });
      const submitted = [
        newPayment({ reference: 'bad-ok-0' }),
        badAmount,
        newPayment({ currency: 'XXY' }),
        newPayment({ unexpected: 'field' }),
        { amount: 100, currency: 'EUR', method: 'card' },
        newPayment({ reference: 'bad-ok-0' }),
        newPayment({ reference: 'bad-existing' }),
        'not a payment',
        newPayment({ reference: 'bad-ok-8' }),
      ];
      const accepted = await submit(operator.auth, submitted);

      expect(accepted.status).toBe(202);
      expect(accepted.body.counts).toEqual({
        total: 9,
        accepted: 2,
        rejected: 7,
        pending: 2,
        created: 0,
        failed: 0,
      });
      const rowsWithErrors = (field: string) =>
        accepted.body.errors
          .filter((error: { field: string }) => error.field === field)
          .map((error: { row: number }) => error.row);
      expect(rowsWithErrors('amount')).toEqual(expect.arrayContaining([1, 7]));
      expect(rowsWithErrors('currency')).toEqual(expect.arrayContaining([2, 7]));
      expect(rowsWithErrors('unexpected')).toEqual([3]);
      expect(rowsWithErrors('reference')).toEqual(expect.arrayContaining([4, 5, 6, 7]));
      expect(accepted.body.errors).toEqual(
        expect.arrayContaining([
          {
            row: 5,
            field: 'reference',
            param: 'payments[5].reference',
            issue: 'repeats an earlier row of this batch',
          },
          {
            row: 6,
            field: 'reference',
            param: 'payments[6].reference',
            issue: 'already used by another payment of this tenant',
          },
          expect.objectContaining({ row: 1, field: 'amount', param: 'payments[1].amount' }),
        ]),
      );
      expect(accepted.body.errorsTruncated).toBe(false);
      // The very same rules and messages as a single payment.
      const single = await http().post('/v1/payments').set(operator.auth).send(badAmount);
      expectApiError(single, 400, 'validation_error');
      const fieldAndIssue = ({ field, issue }: { field: string; issue: string }) => ({ field, issue });
      expect(
        accepted.body.errors.filter((error: { row: number }) => error.row === 1).map(fieldAndIssue),
      ).toEqual(single.body.details.map(fieldAndIssue));
      // The single payment's pointer is into its body; the batch's, into the row of its body.
      expect(single.body.details).toEqual([expect.objectContaining({ param: 'amount' })]);

      const done = await completed(operator.auth, accepted.body.id);
      expect(done).toMatchObject({
        status: 'COMPLETED_WITH_ERRORS',
        counts: { total: 9, accepted: 2, rejected: 7, pending: 0, created: 2, failed: 0 },
        progress: { processed: 9, total: 9, percent: 100 },
      });
      const rejected = await allItems(operator.auth, accepted.body.id, '&status=rejected');
      expect(rejected.map((item) => item['row'])).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(rejected[5]).toMatchObject({
        status: 'rejected',
        reference: 'bad-existing',
        paymentId: null,
        error: {
          code: 'validation_error',
          details: [{ field: 'reference', issue: 'already used by another payment of this tenant' }],
        },
      });
      const created = await allItems(operator.auth, accepted.body.id, '&status=created');
      expect(created.map((item) => [item['row'], item['reference']])).toEqual([
        [0, 'bad-ok-0'],
        [8, 'bad-ok-8'],
      ]);
      expect(
        await collection('payments').countDocuments({
          ...tenantFilter(professional),
          reference: { $in: ['bad-ok-0', 'bad-existing', 'bad-ok-8'] },
        }),
      ).toBe(3);
    },
    SLOW_MS,
  );

  it(
    'refuses a malformed envelope as a whole: no rows, too many rows, not an array',
    async () => {
      for (const payments of [[], Array.from({ length: 10_001 }, () => 0), 'rows']) {
        expectApiError(
          await http()
            .post('/v1/payments/batches')
            .set(operator.auth)
            .set('Idempotency-Key', newKey())
            .send({ payments }),
          400,
          'validation_error',
        );
      }
    },
    SLOW_MS,
  );

  describe('batch key (Idempotency-Key)', () => {
    it(
      'replays the stored answer for the same key and body, and creates one batch',
      async () => {
        const key = newKey();
        const body = rows(3, 'replay');
        const first = await submit(operator.auth, body, key);
        const again = await submit(operator.auth, body, key);

        expect(first.status).toBe(202);
        expect(again.status).toBe(202);
        expect(again.headers['idempotent-replayed']).toBe('true');
        expect(again.body).toEqual(first.body);
        expect(
          await collection('payment_batches').countDocuments({ _id: new ObjectId(first.body.id as string) }),
        ).toBe(1);
        await completed(operator.auth, first.body.id);
        expect(
          await collection('payments').countDocuments({
            ...tenantFilter(professional),
            reference: { $regex: '^replay-' },
          }),
        ).toBe(3);
      },
      SLOW_MS,
    );

    it(
      'refuses the same key with another body (422) and a batch without a key (400)',
      async () => {
        const key = newKey();
        await submit(operator.auth, rows(2, 'reuse-a'), key).expect(202);
        expectApiError(await submit(operator.auth, rows(2, 'reuse-b'), key), 422, 'idempotency_key_reused');
        expectApiError(await submit(operator.auth, rows(2, 'keyless'), null), 400, 'validation_error');
        expect(
          await collection('payment_batch_items').countDocuments({
            reference: { $regex: '^(reuse-b|keyless)-' },
          }),
        ).toBe(0);
      },
      SLOW_MS,
    );
  });

  it(
    'refuses upfront (429 quota_exceeded) a batch whose valid rows exceed the month’s quota, creating nothing',
    async () => {
      const tenant = await seedTenant(app, Tier.Professional, { transactionsPerMonth: 5 });
      const quotaAdmin = (await userToken(app, tenant, 'admin@quota.test', TenantUserRole.Admin)).auth;
      for (const reference of ['quota-single-0', 'quota-single-1']) {
        await http().post('/v1/payments').set(quotaAdmin).send(newPayment({ reference })).expect(201);
      }

      expectApiError(await submit(quotaAdmin, rows(4, 'quota-over')), 429, 'quota_exceeded');
      expect(await collection('payment_batches').countDocuments(tenantFilter(tenant))).toBe(0);
      expect(await collection('payment_batch_items').countDocuments(tenantFilter(tenant))).toBe(0);
      expect(await collection('payments').countDocuments(tenantFilter(tenant))).toBe(2);

      // Only valid rows count: 3 valid (+ 2 used) fit a quota of 5 although the batch has 5 rows.
      const fits = await submit(quotaAdmin, [
        ...rows(3, 'quota-fit'),
        newPayment({ amount: -1 }),
        newPayment({ amount: 0 }),
      ]);
      expect(fits.status).toBe(202);
      expect((await completed(quotaAdmin, fits.body.id)).counts).toMatchObject({ created: 3, rejected: 2 });
    },
    SLOW_MS,
  );

  it(
    'holds the quota of concurrent batches up front: of 25 batches of 2 rows with 10 left, exactly 5 are accepted',
    async () => {
      // Unlimited rate: 25 batches cost 500 units, more than PROFESSIONAL's 300 / min.
      const tenant = await seedTenant(app, Tier.Professional, {
        transactionsPerMonth: 12,
        apiRequestsPerMinute: UNLIMITED,
      });
      const auth = (await userToken(app, tenant, 'admin@quota-burst.test', TenantUserRole.Admin)).auth;
      for (const reference of ['burst-single-0', 'burst-single-1']) {
        await http().post('/v1/payments').set(auth).send(newPayment({ reference })).expect(201);
      }

      const responses = await Promise.all(
        Array.from({ length: 25 }, (_, batch) => submit(auth, rows(2, `quota-burst-${batch}`))),
      );

      const accepted = responses.filter((response) => response.status === 202);
      expect(accepted).toHaveLength(5);
      for (const response of responses.filter((response) => response.status !== 202)) {
        expectApiError(response, 429, 'quota_exceeded');
      }
      for (const response of accepted) {
        expect((await completed(auth, response.body.id)).counts).toMatchObject({ created: 2, failed: 0 });
      }
      expect(await collection('payments').countDocuments(tenantFilter(tenant))).toBe(12);
      const usage = await http().get('/v1/usage').set(auth).expect(200);
      expect(usage.body.usage.transactions).toBe(12);
      // Every batch's hold was spent by its payments: nothing stays held once the batches are done.
      expectApiError(await http().post('/v1/payments').set(auth).send(newPayment()), 429, 'quota_exceeded');
      const period = UsagePeriod.containing(new Date()).toString();
      expect(
        await app.get<Redis>(REDIS_CLIENT).hget(quotaHeldUnitsKey(tenant.id, period), QUOTA_HELD_TOTAL_FIELD),
      ).toBe('0');
    },
    SLOW_MS,
  );

  describe('tiers and tenants', () => {
    it(
      'refuses STARTER tenants (403 feature_not_in_tier)',
      async () => {
        expectApiError(await submit(starterAdmin, rows(1, 'starter')), 403, 'feature_not_in_tier');
        expectApiError(
          await http().get(`/v1/payments/batches/${new ObjectId().toHexString()}`).set(starterAdmin),
          403,
          'feature_not_in_tier',
        );
        expect(await collection('payment_batches').countDocuments(tenantFilter(starter))).toBe(0);
      },
      SLOW_MS,
    );

    it(
      "lists the tenant's own batches newest first in the list envelope, paged by cursor",
      async () => {
        const older = (await submit(operator.auth, rows(1, 'listed-old'))).body.id as string;
        const newer = (await submit(operator.auth, rows(1, 'listed-new'))).body.id as string;
        const theirs = (await submit(otherAdmin, rows(1, 'listed-theirs'))).body.id as string;

        const first = await http().get('/v1/payments/batches?limit=1').set(admin).expect(200);
        expect(first.body).toEqual({
          object: 'list',
          data: [expect.objectContaining({ id: newer, object: 'payment_batch' })],
          has_more: true,
        });
        const next = await http()
          .get(`/v1/payments/batches?limit=100&starting_after=${newer}`)
          .set(admin)
          .expect(200);
        const ids = next.body.data.map((batch: { id: string }) => batch.id) as string[];
        expect(ids[0]).toBe(older);
        expect(ids).not.toContain(theirs);
        expect(ids).not.toContain(newer);
        for (const query of ['limit=0', 'limit=101', 'starting_after=nope']) {
          expectApiError(
            await http().get(`/v1/payments/batches?${query}`).set(admin),
            400,
            'validation_error',
          );
        }
      },
      SLOW_MS,
    );

    it(
      "answers another tenant's batch exactly like a missing one (404)",
      async () => {
        const accepted = await submit(operator.auth, rows(1, 'mine'));
        expect(accepted.status).toBe(202);
        const id = accepted.body.id as string;

        for (const path of [`/v1/payments/batches/${id}`, `/v1/payments/batches/${id}/items`]) {
          const theirs = await http().get(path).set(otherAdmin);
          const missing = await http().get(path.replace(id, new ObjectId().toHexString())).set(otherAdmin);
          expectApiError(theirs, 404, 'not_found');
          expect({ ...theirs.body, requestId: null, timestamp: null }).toEqual({
            ...missing.body,
            requestId: null,
            timestamp: null,
          });
        }
        expectApiError(await http().get('/v1/payments/batches/not-an-id').set(otherAdmin), 404, 'not_found');
      },
      SLOW_MS,
    );

    it(
      'draws 20 units of the rate limit per batch',
      async () => {
        const tenant = await seedTenant(app, Tier.Professional);
        const rateAdmin = (await userToken(app, tenant, 'admin@rate.test', TenantUserRole.Admin)).auth;
        const before = await http()
          .get(`/v1/payments/batches/${new ObjectId().toHexString()}`)
          .set(rateAdmin);
        const batch = await submit(rateAdmin, rows(1, 'rate'));
        expect(
          Number(before.headers['x-ratelimit-remaining']) - Number(batch.headers['x-ratelimit-remaining']),
        ).toBe(20);
      },
      SLOW_MS,
    );
  });

  it(
    'accepts a body up to HTTP_BULK_BODY_LIMIT_BYTES on the batch route only',
    async () => {
      const large = newPayment({ reference: 'too-large', description: 'x'.repeat(BODY_LIMIT) });
      expectApiError(
        await http().post('/v1/payments').set(operator.auth).send(large),
        413,
        'payload_too_large',
      );
      const tooLarge = rows(Math.ceil(BULK_BODY_LIMIT / 60), 'too-large-batch').map((row) => ({
        ...row,
        description: 'x'.repeat(60),
      }));
      expectApiError(await submit(operator.auth, tooLarge), 413, 'payload_too_large');
    },
    SLOW_MS,
  );

  it(
    'a chunk that runs again creates no payment twice',
    async () => {
      const accepted = await submit(operator.auth, rows(5, 'retried'));
      const id = accepted.body.id as string;
      await completed(operator.auth, id);
      const before = await allItems(operator.auth, id);
      const batchId = new ObjectId(id);
      const rerun = () =>
        app
          .get(TenantContextService)
          .run(
            { tenant: professional, resolvedBy: ResolutionMethod.Job, principal: null, requestId: 'test' },
            () => app.get(PaymentBatchProcessingService).processChunk(id, 0, 5),
          );
      const forgetResults = async () => {
        // As if the worker died after creating the payments and before recording the rows' results.
        await collection('payment_batch_items').updateMany(
          { batchId },
          { $set: { status: 'pending', paymentId: null } },
        );
        await collection('payment_batches').updateOne(
          { _id: batchId },
          { $set: { status: 'PROCESSING', 'counts.pending': 5, 'counts.created': 0 } },
        );
      };
      const payments = () =>
        collection('payments').countDocuments({
          ...tenantFilter(professional),
          reference: { $regex: '^retried-' },
        });

      await forgetResults();
      await rerun();
      expect(await payments()).toBe(5);
      // The same rows point at the same payments; only the payments' own status may have moved on meanwhile (an
      // item reads its payment's current status).
      const withoutPaymentStatus = (items: Array<Record<string, unknown>>) =>
        items.map(({ paymentStatus: _moving, ...item }) => item);
      expect(withoutPaymentStatus(await allItems(operator.auth, id))).toEqual(withoutPaymentStatus(before));
      expect((await http().get(`/v1/payments/batches/${id}`).set(operator.auth)).body).toMatchObject({
        status: 'COMPLETED',
        counts: { created: 5, pending: 0 },
      });

      // Past the stored row answers (24 h), reference uniqueness still refuses a second payment.
      await forgetResults();
      await collection('idempotency_records').deleteMany({ key: { $regex: `^batch:${id}:` } });
      await rerun();
      expect(await payments()).toBe(5);
      const items = await allItems(operator.auth, id);
      expect(
        items.every(
          (item) => item['status'] === 'failed' && (item['error'] as { code: string }).code === 'conflict',
        ),
      ).toBe(true);
    },
    SLOW_MS,
  );
});
