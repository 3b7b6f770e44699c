import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  isPlatformMailDeliveryJob,
  MAIL_DELIVERY_QUEUE,
  type MailDeliveryJob,
  MailDeliveryService,
} from '@tenantpay/mail';
import { type AppConfig, type CapturedMail, queueConnection } from '@tenantpay/platform';
import { type TenantJobData, TenantJobRunner } from '@tenantpay/tenancy';
import {
  type TestMongo,
  readyHttpApplication,
  type TestSmtpSink,
  testAppConfig,
  useSmtpSink,
  useTestMongo,
  useTestRedis,
} from '@tenantpay/testing';
import { Worker } from 'bullmq';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { createApiApplication } from '../../src/create-api-application';
import { PASSWORD, seedPlatformUser } from '../identity-test-app';

export interface OnboardingTestApp {
  readonly app: NestFastifyApplication;
  /** Delivers the API's outbox email (tenants' and the platform's) over SMTP, as MailDeliveryProcessor does. */
  readonly mailWorker: Worker;
  /** A super-admin's bearer header. */
  readonly superAdmin: { Authorization: string };
  close(): Promise<void>;
}

/**
 * The production API plus a mail-delivery worker on its providers (the worker app's own processor is tested
 * in apps/worker), and a logged-in super-admin: the cast of an onboarding from nothing.
 */
export async function startOnboardingApp(config: AppConfig): Promise<OnboardingTestApp> {
  const app = await readyHttpApplication(await createApiApplication(config));
  const runner = app.get(TenantJobRunner);
  const delivery = app.get(MailDeliveryService, { strict: false });
  const mailWorker = new Worker<TenantJobData<MailDeliveryJob>>(
    MAIL_DELIVERY_QUEUE,
    (job) => {
      const isLastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (isPlatformMailDeliveryJob(job.data))
        return delivery.deliverForPlatform(job.data.payload.outboxId, isLastAttempt);
      return runner.run(job, ({ outboxId }) => delivery.deliver(outboxId, isLastAttempt));
    },
    queueConnection(config.redis, 'onboarding-test-mail-worker'),
  );
  const email = `root-${Date.now()}@tenantpay.test`;
  await seedPlatformUser(app, email);
  const login = await request(app.getHttpServer())
    .post('/v1/platform/auth/login')
    .send({ email, password: PASSWORD })
    .expect(200);
  return {
    app,
    mailWorker,
    superAdmin: { Authorization: `Bearer ${login.body.accessToken as string}` },
    close: async () => {
      await mailWorker.close();
      await app.close();
    },
  };
}

export interface OnboardingHarness {
  readonly mongo: TestMongo;
  readonly sink: TestSmtpSink;
  /** Available from the file's first test on. */
  readonly onboarding: () => OnboardingTestApp;
  readonly config: () => AppConfig;
}

/**
 * The hooks of a test file that onboards banks: MongoDB, Redis, the SMTP sink, and the API with its mail worker
 * delivering to the sink (tenant links over http).
 */
export function useOnboardingApp(): OnboardingHarness {
  let config: AppConfig | undefined;
  let onboarding: OnboardingTestApp | undefined;
  // Before the Redis hook: Jest runs afterAll hooks in declaration order, and the mail worker must close while
  // Redis is still up.
  afterAll(async () => {
    await onboarding?.close();
  });
  const mongo = useTestMongo();
  const redis = useTestRedis();
  const sink = useSmtpSink();
  beforeAll(async () => {
    config = testAppConfig({
      MONGODB_URI: mongo.uri,
      REDIS_URL: redis.url,
      SMTP_URL: sink.url,
      DEV_MAILBOX_DIR: sink.directory,
      TENANT_LINK_SCHEME: 'http',
    });
    onboarding = await startOnboardingApp(config);
  });
  return {
    mongo,
    sink,
    onboarding: () => onboarding ?? notStarted(),
    config: () => config ?? notStarted(),
  };
}

function notStarted(): never {
  throw new Error('the onboarding app starts in beforeAll');
}

/** The host a tenant's users reach it on, as the invitation link names it. */
export function tenantHost(slug: string, config: AppConfig): string {
  return `${slug}.${config.tenancy.baseDomain}`;
}

/** The single-use token in an email's link (`?token=…`), read from the text body as a person would click it. */
export function linkTokenOf(mail: CapturedMail): string {
  const match = /[?&]token=([A-Za-z0-9_-]+)/.exec(mail.text);
  if (match?.[1] === undefined) throw new Error(`no token link in the email "${mail.subject}"`);
  return match[1];
}

export interface OnboardedBank {
  readonly slug: string;
  readonly host: string;
  readonly tenantId: string;
  readonly adminEmail: string;
  /** The body of the tenant creation (with `adminInvitation`). */
  readonly created: Record<string, unknown>;
}

/** A bank created over HTTP by the super-admin, with its first admin invited (not yet accepted). */
export async function createBank(
  onboarding: OnboardingTestApp,
  config: AppConfig,
  overrides: Record<string, unknown> = {},
): Promise<OnboardedBank> {
  const slug = `bank${randomBytes(4).toString('hex')}`;
  const adminEmail = `cfo@${slug}.test`;
  const created = await request(onboarding.app.getHttpServer())
    .post('/v1/admin/tenants')
    .set(onboarding.superAdmin)
    .send({
      slug,
      name: `Bank ${slug}`,
      tier: 'PROFESSIONAL',
      branding: { displayName: `${slug} Savings`, primaryColor: '#0a7d32' },
      admin: { email: adminEmail, name: 'Grace Hopper' },
      ...overrides,
    })
    .expect(201);
  return {
    slug,
    host: tenantHost(slug, config),
    tenantId: created.body.id as string,
    adminEmail,
    created: created.body as Record<string, unknown>,
  };
}

/** Accepts the invitation emailed to `email` on the bank's host with `password`; the signed-in bearer header. */
export async function acceptEmailedInvitation(
  onboarding: OnboardingTestApp,
  sink: TestSmtpSink,
  bank: OnboardedBank,
  email: string,
  password: string,
): Promise<{ Authorization: string; Host: string }> {
  const token = linkTokenOf(await sink.waitFor(email, /invited/));
  const accepted = await request(onboarding.app.getHttpServer())
    .post('/v1/invitations/accept')
    .set('Host', bank.host)
    .send({ token, password })
    .expect(200);
  return { Authorization: `Bearer ${accepted.body.accessToken as string}`, Host: bank.host };
}
