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
    expect(notice.text).toContain(`http://admin.${config().tenancy.baseDomain}/reset-password`);
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

  describe('operators invite operators by email', () => {
    const OPERATOR_PASSWORD = 'seven amber kites drifting';
    const invite = (email: string) =>
      http().post('/v1/admin/platform-invitations').set(onboarding().superAdmin).send({ email });
    const accept = (token: string, password = OPERATOR_PASSWORD) =>
      http().post('/v1/platform/invitations/accept').send({ token, password, refreshTokenDelivery: 'body' });

    it('super-admin invites → the email arrives → accept sets the password and signs in → login works', async () => {
      const email = uniqueEmail('invited');
      const created = await invite(email).expect(201);
      expect(created.body).toEqual(
        expect.objectContaining({ email, status: 'pending', invitedBy: expect.any(String) }),
      );
      expect(created.body).not.toHaveProperty('tokenHash');
      const listed = await http()
        .get('/v1/admin/platform-invitations')
        .set(onboarding().superAdmin)
        .expect(200);
      expect(listed.body.data).toEqual(expect.arrayContaining([expect.objectContaining({ email })]));
      expectApiError(await invite(email), 409, 'conflict');

      const mail = await sink.waitFor(email, /invited/);
      expect(mail.subject).toBe('You are invited to join Tenantpay');
      expect(mail.text).toContain('a platform operator (super-admin)');
      expect(mail.text).toContain(
        `http://admin.${config().tenancy.baseDomain}/accept-invitation?token=pinv_`,
      );
      const token = linkTokenOf(mail);

      expectApiError(await accept(token, 'password1234'), 400, 'weak_password');
      const accepted = await accept(token).expect(200);
      expect(accepted.body).toEqual(
        expect.objectContaining({
          tokenType: 'Bearer',
          accessToken: expect.any(String),
          refreshToken: expect.any(String),
        }),
      );
      const me = await http()
        .get('/v1/platform/auth/me')
        .set({ Authorization: `Bearer ${accepted.body.accessToken as string}` })
        .expect(200);
      expect(me.body).toEqual(expect.objectContaining({ role: 'SUPER_ADMIN' }));
      await http().post('/v1/platform/auth/login').send({ email, password: OPERATOR_PASSWORD }).expect(200);
      expectApiError(await accept(token), 410, 'invitation_used');
      expectApiError(await invite(email), 409, 'conflict');

      const invitationId = created.body.id as string;
      const operator = await mongo.db.collection('platform_users').findOne({ email });
      const operatorId = operator?._id.toHexString();
      expect(
        await audited('invitation.created', {
          'resource.type': 'platform_invitation',
          'resource.id': invitationId,
        }),
      ).toBe(1);
      expect(
        await audited('invitation.accepted', { 'resource.id': invitationId, 'actor.id': operatorId }),
      ).toBe(1);
      expect(
        await audited('platform_user.created', { 'resource.id': operatorId, 'metadata.via': 'invitation' }),
      ).toBe(1);
      expect(
        await audited('invitation.accept_failed', { 'resource.id': invitationId, 'metadata.reason': 'used' }),
      ).toBe(1);
      expect(await platformOutboxRows({ kind: 'invitation', to: email })).toBe(1);
    });

    it('answers unknown, resent (old link), revoked and expired tokens with distinct codes', async () => {
      expectApiError(await accept('pinv_unknown'), 404, 'invitation_not_found');

      const resentEmail = uniqueEmail('resent');
      const resent = await invite(resentEmail).expect(201);
      const firstToken = linkTokenOf(await sink.waitFor(resentEmail, /invited/));
      await http()
        .post(`/v1/admin/platform-invitations/${resent.body.id as string}/resend`)
        .set(onboarding().superAdmin)
        .expect(200);
      await waitFor(
        () => sink.messages().filter((m) => m.to.includes(resentEmail)).length === 2,
        RECORDED_WITHIN_MS,
      );
      expectApiError(await accept(firstToken), 410, 'invitation_revoked');

      const revokedEmail = uniqueEmail('revoked');
      const revoked = await invite(revokedEmail).expect(201);
      const revokedToken = linkTokenOf(await sink.waitFor(revokedEmail, /invited/));
      const revokedView = await http()
        .post(`/v1/admin/platform-invitations/${revoked.body.id as string}/revoke`)
        .set(onboarding().superAdmin)
        .expect(200);
      expect(revokedView.body).toEqual(expect.objectContaining({ status: 'revoked' }));
      expectApiError(await accept(revokedToken), 410, 'invitation_revoked');

      const expiredEmail = uniqueEmail('expired');
      await invite(expiredEmail).expect(201);
      const expiredToken = linkTokenOf(await sink.waitFor(expiredEmail, /invited/));
      await mongo.db
        .collection('platform_invitations')
        .updateOne({ email: expiredEmail }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
      expectApiError(await accept(expiredToken), 410, 'invitation_expired');

      expect(
        await mongo.db
          .collection('platform_users')
          .countDocuments({ email: { $in: [revokedEmail, expiredEmail] } }),
      ).toBe(0);
      expect(await audited('invitation.revoked', { 'resource.id': revoked.body.id as string })).toBe(1);
      expect(await audited('invitation.resent', { 'resource.id': resent.body.id as string })).toBe(1);
    });

    it('is for super-admins only, and its tokens do not cross with a tenant’s invitations', async () => {
      const bank = await createBank(onboarding(), config());
      const tenantToken = linkTokenOf(await sink.waitFor(bank.adminEmail, /invited/));
      expectApiError(await accept(tenantToken), 404, 'invitation_not_found');

      const email = uniqueEmail('crossing');
      await invite(email).expect(201);
      const platformToken = linkTokenOf(await sink.waitFor(email, /invited/));
      expectApiError(
        await http()
          .post('/v1/invitations/accept')
          .set('Host', bank.host)
          .send({ token: platformToken, password: OPERATOR_PASSWORD }),
        404,
        'invitation_not_found',
      );
      const admin = await http()
        .post('/v1/invitations/accept')
        .set('Host', bank.host)
        .send({ token: tenantToken, password: OPERATOR_PASSWORD })
        .expect(200);
      const tenantAdmin = { Authorization: `Bearer ${admin.body.accessToken as string}`, Host: bank.host };
      expectApiError(
        await http()
          .post('/v1/admin/platform-invitations')
          .set(tenantAdmin)
          .send({ email: uniqueEmail('nope') }),
        403,
        'forbidden',
      );
      await accept(platformToken).expect(200);
    });
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
      expect(mail.text).toContain(`http://admin.${config().tenancy.baseDomain}/reset-password?token=pwr_`);
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
