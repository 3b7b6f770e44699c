import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MAIL_DELIVERY_QUEUE, type MailDeliveryJob, MailDeliveryService } from '@tenantpay/mail';
import { type AppConfig, type CapturedMail, redisConnectionOptions } from '@tenantpay/platform';
import { type TenantJobData, TenantJobRunner } from '@tenantpay/tenancy';
import { readyHttpApplication, type TestSmtpSink } from '@tenantpay/testing';
import { Worker } from 'bullmq';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { createApiApplication } from '../../src/create-api-application';
import { PASSWORD, seedPlatformUser } from '../identity-test-app';

export interface OnboardingTestApp {
  readonly app: NestFastifyApplication;
  /** Delivers the API's outbox email over SMTP, as the worker's MailDeliveryProcessor does. */
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
    (job) =>
      runner.run(job, ({ outboxId }) =>
        delivery.deliver(outboxId, job.attemptsMade + 1 >= (job.opts.attempts ?? 1)),
      ),
    { connection: { ...redisConnectionOptions(config.redis.url), maxRetriesPerRequest: null } },
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
