import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import {
  paymentJobId,
  PaymentMethod,
  PaymentOutboxDispatcher,
  PAYMENT_OUTBOX_RETENTION_DAYS,
  PAYMENTS_QUEUE,
  PaymentsService,
} from '@tenantpay/payments';
import type { TenantSnapshot } from '@tenantpay/tenancy';
import { eventually, testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import { PaymentWebhookEventPublisher } from '@tenantpay/webhooks';
import type { Queue } from 'bullmq';
import { ObjectId } from 'mongodb';
import { paymentWhoseEnqueueFailed } from './support/payment-whose-enqueue-failed';
import { startPaymentsTestWorker } from './support/start-payments-test-worker';
import { createWorkerTestTenant, inTenantOf } from './support/worker-test-tenant';

/**
 * The real worker sweeping every second (below), with no gateway latency, and payment events going to the real
 * webhooks library (its event store is the `webhook_events` collection).
 */

describe('payments maintenance (worker)', () => {
  // Declared before useTestRedis/useTestMongo: Jest runs afterAll hooks in declaration order, and the worker
  // must close while Redis is still up.
  afterAll(async () => {
    await worker?.close();
  });
  const mongo = useTestMongo();
  const redis = useTestRedis();
  let worker: INestApplicationContext;
  let tenant: TenantSnapshot;
  let paymentsQueue: Queue;

  beforeAll(async () => {
    const config = testAppConfig({
      MONGODB_URI: mongo.uri,
      REDIS_URL: redis.url,
      PAYMENTS_SWEEP_INTERVAL_MS: '1000',
      PAYMENTS_STUCK_PENDING_GRACE_SECONDS: '300',
    });
    worker = await startPaymentsTestWorker(config);
    paymentsQueue = worker.get<Queue>(getQueueToken(PAYMENTS_QUEUE));
    tenant = await createWorkerTestTenant(worker, 'sweep-tenant');
  });

  const inTenant = <T>(work: () => Promise<T>) => inTenantOf(worker, tenant, work);
  const payments = () => mongo.db.collection('payments');
  const webhookEvents = () => mongo.db.collection('webhook_events');
  const outbox = () => mongo.db.collection('payment_outbox');
  const statusOf = async (id: string) =>
    (await payments().findOne({ _id: new ObjectId(id) }))?.['status'] as string | undefined;
  let sequence = 0;

  /** Created and committed, but its enqueue failed as if Redis were down at that moment. */
  const paymentWithoutJob = () =>
    paymentWhoseEnqueueFailed(worker, tenant, paymentsQueue, `SWEEP-${++sequence}`);

  const age = (id: string, set: Record<string, unknown> = {}) =>
    payments().updateOne(
      { _id: new ObjectId(id) },
      { $set: { ...set, updatedAt: new Date(Date.now() - 3600_000) } },
    );

  const until = (id: string, status: string) =>
    eventually(`payment ${id} to be ${status}`, async () => (await statusOf(id)) === status);

  /** A payment processed to COMPLETED whose `payment.completed` the outbox has dispatched; its event id. */
  async function completedWithDispatchedEvent(amount: number): Promise<{ id: string; eventId: string }> {
    const { body } = await inTenant(() =>
      worker.get(PaymentsService).create({
        amount,
        currency: 'EUR',
        reference: `OUTBOX-${++sequence}`,
        method: PaymentMethod.Card,
        paymentToken: 'tok_visa',
      }),
    );
    const eventId = `evt_${body.id}_completed`;
    await until(body.id, 'COMPLETED');
    await eventually(
      'the first dispatch',
      async () => (await outbox().findOne({ eventId }))?.['dispatchedAt'] != null,
    );
    return { id: body.id, eventId };
  }

  describe('StuckPaymentsSweeper (repeatable job)', () => {
    it('processes a PENDING payment whose enqueue failed to COMPLETED, leaving fresh and held payments alone', async () => {
      const fresh = await paymentWithoutJob();
      const held = await paymentWithoutJob();
      await age(held.id, { status: 'AWAITING_APPROVAL' });
      const stuck = await paymentWithoutJob();
      await age(stuck.id);

      await until(stuck.id, 'COMPLETED');

      expect(await statusOf(fresh.id)).toBe('PENDING');
      expect(await paymentsQueue.getJob(paymentJobId(fresh.id))).toBeUndefined();
      expect(await statusOf(held.id)).toBe('AWAITING_APPROVAL');
      expect(await paymentsQueue.getJob(paymentJobId(held.id))).toBeUndefined();
      const history = (await payments().findOne({ _id: new ObjectId(stuck.id) }))?.['statusHistory'] as {
        to: string;
      }[];
      expect(history.map((change) => change.to)).toEqual(['PENDING', 'PROCESSING', 'COMPLETED']);
    }, 30_000);
  });

  describe('PaymentOutboxDispatcher (repeatable job)', () => {
    it('delivers payment.completed to the webhook store once although the publish after the status change failed', async () => {
      const reference = `OUTBOX-${++sequence}`;
      const publisher = worker.get(PaymentWebhookEventPublisher);
      const publishForReal = publisher.publish.bind(publisher);
      const attempts: string[] = [];
      // The process "dies" between the committed status change and the publish of this payment's event.
      const publish = jest.spyOn(publisher, 'publish').mockImplementation(async (event) => {
        if (event.data.reference !== reference) return publishForReal(event);
        attempts.push(event.id);
        if (attempts.length === 1) throw new Error('process died before publishing');
        return publishForReal(event);
      });
      try {
        const { body } = await inTenant(() =>
          worker.get(PaymentsService).create({
            amount: 3100,
            currency: 'EUR',
            reference,
            method: PaymentMethod.Card,
            paymentToken: 'tok_visa',
          }),
        );
        const eventId = `evt_${body.id}_completed`;
        await until(body.id, 'COMPLETED');
        await eventually(
          'the outbox retry',
          async () => (await outbox().findOne({ eventId }))?.['dispatchedAt'] != null,
        );

        expect(attempts).toEqual([eventId, eventId]);
        expect(await outbox().findOne({ eventId })).toEqual(
          expect.objectContaining({ attempts: 1, lastError: 'process died before publishing' }),
        );
        const stored = await webhookEvents().find({ sourceEventId: eventId }).toArray();
        expect(stored).toHaveLength(1);
        expect(JSON.parse(stored[0]?.['body'] as string)).toEqual(
          expect.objectContaining({
            type: 'payment.completed',
            data: expect.objectContaining({ id: body.id, status: 'COMPLETED' }),
          }),
        );
      } finally {
        publish.mockRestore();
      }
    }, 30_000);

    it('writes and delivers the event of a change whose writer died before its outbox entry, once', async () => {
      const { id, eventId } = await completedWithDispatchedEvent(3300);
      // What a writer killed between the status change and the outbox entry leaves: the debt, no entry.
      await outbox().deleteOne({ eventId });
      await payments().updateOne(
        { _id: new ObjectId(id) },
        {
          $push: {
            pendingEvents: {
              eventId,
              type: 'payment.completed',
              occurredAt: new Date(Date.now() - 3600_000),
            },
          } as never,
        },
      );

      await eventually(
        'the outbox retry to write the entry',
        async () => (await outbox().findOne({ eventId }))?.['dispatchedAt'] != null,
      );
      expect((await payments().findOne({ _id: new ObjectId(id) }))?.['pendingEvents']).toEqual([]);
      expect(await webhookEvents().countDocuments({ sourceEventId: eventId })).toBe(1);
    }, 30_000);

    it('deletes a dispatched entry once the retention period has passed, under a TTL index; a recent one stays', async () => {
      expect(await outbox().indexes()).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            key: { dispatchedAt: 1 },
            expireAfterSeconds: PAYMENT_OUTBOX_RETENTION_DAYS * 86_400,
          }),
        ]),
      );
      const { eventId: dispatched } = await completedWithDispatchedEvent(4_100);
      const { eventId: recent } = await completedWithDispatchedEvent(4_200);
      const pastRetention = new Date(Date.now() - (PAYMENT_OUTBOX_RETENTION_DAYS * 86_400 + 60) * 1000);
      await outbox().updateOne({ eventId: dispatched }, { $set: { dispatchedAt: pastRetention } });

      await eventually(
        'the TTL monitor to delete the dispatched entry',
        async () => !(await outbox().findOne({ eventId: dispatched })),
      );
      expect(await outbox().findOne({ eventId: recent })).not.toBeNull();
    });

    it('stores an event once when it is dispatched twice (its dispatched mark was lost)', async () => {
      const { eventId } = await completedWithDispatchedEvent(3200);
      await outbox().updateOne({ eventId }, { $set: { dispatchedAt: null } });

      const dispatcher = worker.get(PaymentOutboxDispatcher);
      await Promise.all([dispatcher.dispatchPending(), dispatcher.dispatchPending()]);

      expect(await webhookEvents().countDocuments({ sourceEventId: eventId })).toBe(1);
      expect((await outbox().findOne({ eventId }))?.['dispatchedAt']).toEqual(expect.any(Date));
    }, 30_000);
  });
});
