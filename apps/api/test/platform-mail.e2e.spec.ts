import { getConnectionToken } from '@nestjs/mongoose';
import { CrossTenantAccessException } from '@tenantpay/data-isolation';
import { PLATFORM_MAIL_OUTBOX_COLLECTION } from '@tenantpay/mail';
import { ResolutionMethod, TenantContextService, TenantLookupService } from '@tenantpay/tenancy';
import type { Connection } from 'mongoose';
import request from 'supertest';
import { expectApiError, PASSWORD, seedPlatformUser } from './identity-test-app';
import { createBank, useOnboardingApp } from './support/onboarding-test-app';
import { waitFor } from './support/tenancy-test-app';

/** The worker records a send after the sink has the message: poll, generously (loaded machine). */
const RECORDED_WITHIN_MS = 20_000;

describe('email to platform operators: the platform-owned outbox, delivered by the same worker (SMTP sink)', () => {
  const { mongo, sink, onboarding, config } = useOnboardingApp();
  const http = () => request(onboarding().app.getHttpServer());
  const platformOutboxRows = (filter: Record<string, unknown>) =>
    mongo.db.collection(PLATFORM_MAIL_OUTBOX_COLLECTION).countDocuments(filter);
  const audited = (action: string, filter: Record<string, unknown> = {}) =>
    mongo.db.collection('audit_events').countDocuments({ action, ...filter });
  const uniqueEmail = (name: string) => `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@ops.test`;

  it('emails an operator once, on the platform host, when the fifth failed login locks the account', async () => {
    const email = uniqueEmail('locked');
    const operatorId = await seedPlatformUser(onboarding().app, email);
    const login = (password: string) => http().post('/v1/platform/auth/login').send({ email, password });
    for (let attempt = 1; attempt <= 5; attempt += 1)
      expectApiError(await login('not the password'), 401, 'unauthorized');
    expectApiError(await login(PASSWORD), 429, 'rate_limit_exceeded');

    const notice = await sink.waitFor(email, /locked/);
    expect(notice.subject).toBe('Your Tenantpay account is locked');
    expect(notice.from).toContain('Tenantpay');
    expect(notice.text).toContain('5 times');
    expect(notice.text).not.toContain('administrator');
    expect(notice.text).toContain(`http://${config().tenancy.baseDomain}/console/reset-password.html`);
    await waitFor(
      async () => (await platformOutboxRows({ kind: 'lockout_notice', to: email, status: 'sent' })) === 1,
      RECORDED_WITHIN_MS,
    );
    expect(await platformOutboxRows({ to: email })).toBe(1);
    // Platform mail never lands in a tenant's outbox.
    expect(await mongo.db.collection('mail_outbox').countDocuments({ to: email })).toBe(0);
    expect(await audited('user.locked', { 'resource.type': 'platform_user', 'resource.id': operatorId })).toBe(1);
    expect(await audited('mail.delivered', { 'resource.type': 'platform_mail', tenantId: null })).toBeGreaterThan(
      0,
    );
  });

  it('keeps the platform outbox closed to tenant contexts (the command wall refuses, before any read)', async () => {
    const bank = await createBank(onboarding(), config());
    const app = onboarding().app;
    const tenant = await app.get(TenantLookupService).findById(bank.tenantId);
    if (tenant === null) throw new Error('the bank was just created');
    const outbox = app.get<Connection>(getConnectionToken()).collection(PLATFORM_MAIL_OUTBOX_COLLECTION);
    const read = app
      .get(TenantContextService)
      .run({ tenant, resolvedBy: ResolutionMethod.Subdomain, principal: null, requestId: 'isolation' }, () =>
        outbox.findOne({}),
      );
    await expect(read).rejects.toBeInstanceOf(CrossTenantAccessException);
  });
});
