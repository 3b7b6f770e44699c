import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { MailKind, MailOutboxService, MailOutboxSweeper, MailStatus } from '@tenantpay/mail';
import {
  ResolutionMethod,
  TenantAdminService,
  TenantContextService,
  TenantLookupService,
  type TenantSnapshot,
  Tier,
} from '@tenantpay/tenancy';
import { testAppConfig, useSmtpSink, useTestMongo, useTestRedis } from '@tenantpay/testing';
import { ObjectId } from 'mongodb';
import { WorkerModule } from '../src/worker.module';

describe('mail delivery by the worker (outbox → BullMQ → SMTP)', () => {
  // Before the Redis hook: the worker must close while Redis is still up.
  afterAll(async () => {
    await worker?.close();
  });
  const mongo = useTestMongo();
  const redis = useTestRedis();
  const sink = useSmtpSink();
  let worker: INestApplicationContext;
  let tenant: TenantSnapshot;

  beforeAll(async () => {
    const config = testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url, SMTP_URL: sink.url });
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.forRoot(config)] }).compile();
    moduleRef.useLogger(false);
    worker = await moduleRef.init();
    const created = await worker
      .get(TenantContextService)
      .runAsPlatform('test setup', () =>
        worker.get(TenantAdminService).create({ slug: 'mail-tenant', name: 'Mail Bank', tier: Tier.Starter }),
      );
    tenant = (await worker.get(TenantLookupService).findById(created.id)) as TenantSnapshot;
  });

  const inTenant = <T>(work: () => Promise<T>) =>
    worker
      .get(TenantContextService)
      .run({ tenant, resolvedBy: ResolutionMethod.Job, principal: null, requestId: 'test' }, work);
  const write = (to: string) =>
    inTenant(() =>
      worker.get(MailOutboxService).write({
        kind: MailKind.Invitation,
        to,
        fromName: 'Mail Bank',
        subject: `Hello ${to}`,
        text: 'plain',
        html: '<p>html</p>',
      }),
    );
  const writeForPlatform = (to: string) =>
    worker.get(MailOutboxService).writeForPlatform(
      {
        kind: MailKind.PasswordReset,
        to,
        fromName: 'Tenantpay',
        subject: `Hello operator ${to}`,
        text: 'plain',
        html: '<p>html</p>',
      },
      null,
    );
  /** The stored row once the worker has marked it sent (the test's timeout bounds the wait). */
  const sentRow = async (id: string, collection = 'mail_outbox') => {
    for (;;) {
      const stored = await mongo.db.collection(collection).findOne({ _id: new ObjectId(id) });
      if (stored?.['status'] === MailStatus.Sent) return stored;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  it('delivers a dispatched row over SMTP and marks it sent', async () => {
    const row = await write('ada@mail.test');
    await inTenant(() => worker.get(MailOutboxService).dispatch(row));
    const mail = await sink.waitFor('ada@mail.test');
    expect(mail).toEqual(expect.objectContaining({ subject: 'Hello ada@mail.test', text: 'plain' }));
    expect(mail.from).toContain('Mail Bank');
    expect(mail.messageId).toContain(row._id.toHexString());
    expect((await sentRow(row._id.toHexString()))['sentAt']).toBeInstanceOf(Date);
  });

  it('the sweep enqueues a row whose job was never enqueued (Redis lost it), and it is delivered once', async () => {
    const row = await write('lost@mail.test');
    // Nothing to do while the row is younger than the grace period.
    expect(await worker.get(MailOutboxSweeper).sweep()).toBe(0);
    const later = new Date(Date.now() + 10 * 60_000);
    expect(await worker.get(MailOutboxSweeper).sweep(later)).toBeGreaterThanOrEqual(1);
    await sink.waitFor('lost@mail.test');
    // A second sweep while the row is pending or sent adds no second message.
    await worker.get(MailOutboxSweeper).sweep(later);
    await sentRow(row._id.toHexString());
    await worker.get(MailOutboxSweeper).sweep(later);
    expect(sink.messages().filter((m) => m.to.includes('lost@mail.test'))).toHaveLength(1);
  });

  it('delivers a platform row (no tenant) through the same queue and processor, and marks it sent', async () => {
    const row = await writeForPlatform('root@ops.test');
    await worker.get(MailOutboxService).dispatchForPlatform(row);
    const mail = await sink.waitFor('root@ops.test');
    expect(mail).toEqual(expect.objectContaining({ subject: 'Hello operator root@ops.test', text: 'plain' }));
    expect(mail.messageId).toContain(row._id.toHexString());
    expect((await sentRow(row._id.toHexString(), 'platform_mail_outbox'))['attempts']).toBe(1);
  });

  it('the sweep also enqueues a platform row whose job was never enqueued, delivered once', async () => {
    const row = await writeForPlatform('lost@ops.test');
    const later = new Date(Date.now() + 10 * 60_000);
    expect(await worker.get(MailOutboxSweeper).sweep(later)).toBeGreaterThanOrEqual(1);
    await sink.waitFor('lost@ops.test');
    await sentRow(row._id.toHexString(), 'platform_mail_outbox');
    await worker.get(MailOutboxSweeper).sweep(later);
    expect(sink.messages().filter((m) => m.to.includes('lost@ops.test'))).toHaveLength(1);
  });
});
