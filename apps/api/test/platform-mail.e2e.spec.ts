import { getConnectionToken } from '@nestjs/mongoose';
import { CrossTenantAccessException } from '@tenantpay/data-isolation';
import { PLATFORM_MAIL_OUTBOX_COLLECTION } from '@tenantpay/mail';
import { ResolutionMethod, TenantContextService, TenantLookupService } from '@tenantpay/tenancy';
import type { Connection } from 'mongoose';
import request from 'supertest';
import { expectApiError, PASSWORD, seedPlatformUser } from './identity-test-app';
import {
  acceptEmailedInvitation,
  createBank,
  linkTokenOf,
  useOnboardingApp,
} from './support/onboarding-test-app';
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
  const uniqueEmail = (name: string) =>
    `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@ops.test`;

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
    expect(
      await audited('user.locked', { 'resource.type': 'platform_user', 'resource.id': operatorId }),
    ).toBe(1);
    expect(
      await audited('mail.delivered', { 'resource.type': 'platform_mail', tenantId: null }),
    ).toBeGreaterThan(0);
  });

  describe('password reset by email for operators', () => {
    const NEW_PASSWORD = 'copper lanterns hum at noon';
    const askReset = (email: string) =>
      http().post('/v1/platform/auth/password-reset').send({ email }).expect(202);
    const confirm = (token: string, password = NEW_PASSWORD) =>
      http().post('/v1/platform/auth/password-reset/confirm').send({ token, password });

    it('answers the same for unknown emails, emails a 30-minute single-use link, and ends the sessions', async () => {
      const email = uniqueEmail('reset');
      const operatorId = await seedPlatformUser(onboarding().app, email);
      const signedIn = await http()
        .post('/v1/platform/auth/login')
        .send({ email, password: PASSWORD })
        .expect(200);
      const before = { Authorization: `Bearer ${signedIn.body.accessToken as string}` };
      await http().get('/v1/platform/auth/me').set(before).expect(200);

      const known = await askReset(email);
      const unknown = await askReset(uniqueEmail('nobody'));
      expect(unknown.body).toEqual(known.body);

      const mail = await sink.waitFor(email, /Reset/);
      expect(mail.subject).toBe('Reset your Tenantpay password');
      expect(mail.text).toContain(
        `http://${config().tenancy.baseDomain}/console/reset-password.html?token=pwr_`,
      );
      const token = linkTokenOf(mail);
      expectApiError(await confirm(token, 'password1234'), 400, 'weak_password');
      await confirm(token).expect(204);
      expectApiError(await confirm(token), 410, 'password_reset_token_used');

      // Whoever held a session before the reset is signed out; the new password signs in.
      expectApiError(await http().get('/v1/platform/auth/me').set(before), 401, 'unauthorized');
      expectApiError(
        await http().post('/v1/platform/auth/login').send({ email, password: PASSWORD }),
        401,
        'unauthorized',
      );
      await http().post('/v1/platform/auth/login').send({ email, password: NEW_PASSWORD }).expect(200);

      expect(
        await audited('password.reset_requested', {
          outcome: 'success',
          'resource.id': operatorId,
          tenantId: null,
        }),
      ).toBe(1);
      expect(
        await audited('password.reset_completed', {
          'resource.type': 'platform_user',
          'resource.id': operatorId,
        }),
      ).toBe(1);
      expect(
        await audited('password.reset_failed', { 'resource.id': operatorId, 'metadata.reason': 'used' }),
      ).toBe(1);
      expect(await platformOutboxRows({ kind: 'password_reset', to: email })).toBe(1);
    });

    it('refuses unknown and expired tokens with distinct codes', async () => {
      const email = uniqueEmail('expiry');
      await seedPlatformUser(onboarding().app, email);
      expectApiError(await confirm('pwr_unknown'), 404, 'password_reset_token_not_found');
      await askReset(email);
      const token = linkTokenOf(await sink.waitFor(email, /Reset/));
      await mongo.db
        .collection('platform_password_resets')
        .updateMany({ usedAt: null }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
      expectApiError(await confirm(token), 410, 'password_reset_token_expired');
    });

    it('does not take a tenant user’s token, nor an operator’s on a tenant’s route', async () => {
      const bank = await createBank(onboarding(), config());
      await acceptEmailedInvitation(onboarding(), sink, bank, bank.adminEmail, PASSWORD);
      await http()
        .post('/v1/auth/password-reset')
        .set('Host', bank.host)
        .send({ email: bank.adminEmail })
        .expect(202);
      const tenantToken = linkTokenOf(await sink.waitFor(bank.adminEmail, /Reset/));
      expectApiError(await confirm(tenantToken), 404, 'password_reset_token_not_found');

      const email = uniqueEmail('crossing');
      await seedPlatformUser(onboarding().app, email);
      await askReset(email);
      const platformToken = linkTokenOf(await sink.waitFor(email, /Reset/));
      expectApiError(
        await http()
          .post('/v1/auth/password-reset/confirm')
          .set('Host', bank.host)
          .send({ token: platformToken, password: NEW_PASSWORD }),
        404,
        'password_reset_token_not_found',
      );
      // Both tokens still work where they belong.
      await confirm(platformToken).expect(204);
      await http()
        .post('/v1/auth/password-reset/confirm')
        .set('Host', bank.host)
        .send({ token: tenantToken, password: NEW_PASSWORD })
        .expect(204);
    });
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
