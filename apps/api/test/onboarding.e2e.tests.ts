import { TenantUserRole } from '@tenantpay/identity';
import type { AppConfig } from '@tenantpay/platform';
import { testAppConfig, useSmtpSink, useTestMongo, useTestRedis } from '@tenantpay/testing';
import request from 'supertest';
import { expectApiError } from './identity-test-app';
import { newPayment } from './payments-test-app';
import {
  createBank,
  linkTokenOf,
  type OnboardingTestApp,
  startOnboardingApp,
  tenantHost,
} from './support/onboarding-test-app';

const GOOD_PASSWORD = 'violet otters juggle quietly';

describe('onboarding a bank from nothing (SMTP sink, worker delivery, invitations)', () => {
  // Before the Redis and MongoDB hooks: Jest runs afterAll hooks in declaration order, and the worker must close
  // while Redis is still up.
  afterAll(async () => {
    await onboarding?.close();
  });
  const mongo = useTestMongo();
  const redis = useTestRedis();
  const sink = useSmtpSink();
  let config: AppConfig;
  let onboarding: OnboardingTestApp;
  const http = () => request(onboarding.app.getHttpServer());

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

  const newBank = (overrides: Record<string, unknown> = {}) => createBank(onboarding, config, overrides);

  it('super-admin creates the tenant → invitation email → accept → login → invite an operator → operator pays', async () => {
    const bank = await newBank();
    expect(bank.created['adminInvitation']).toEqual(
      expect.objectContaining({ email: bank.adminEmail, role: 'ADMIN', status: 'pending' }),
    );
    const host = tenantHost(bank.slug, config);

    const adminMail = await sink.waitFor(bank.adminEmail, /invited/);
    expect(adminMail.from).toContain(`${bank.slug} Savings`);
    expect(adminMail.text).toContain(`http://${host}/?token=`);
    expect(adminMail.html).toContain('#0a7d32');
    const adminToken = linkTokenOf(adminMail);
    // The link opens the console's acceptance route on the tenant's host; a link in an email sent before the
    // console took the page over is redirected there, token and all.
    expect(adminMail.text).toContain(`?token=${adminToken}#/accept-invitation`);
    const oldLink = await http()
      .get(`/portal/accept-invitation.html?token=${adminToken}`)
      .set('Host', host)
      .expect(302);
    expect(oldLink.headers['location']).toBe(`/?token=${adminToken}#/accept-invitation`);

    expectApiError(
      await http()
        .post('/v1/invitations/accept')
        .set('Host', host)
        .send({ token: adminToken, password: 'password1234' }),
      400,
      'weak_password',
    );
    const accepted = await http()
      .post('/v1/invitations/accept')
      .set('Host', host)
      .send({ token: adminToken, password: GOOD_PASSWORD })
      .expect(200);
    expect(accepted.body).toEqual(
      expect.objectContaining({ tokenType: 'Bearer', accessToken: expect.any(String) }),
    );
    expectApiError(
      await http()
        .post('/v1/invitations/accept')
        .set('Host', host)
        .send({ token: adminToken, password: GOOD_PASSWORD }),
      410,
      'invitation_used',
    );

    const login = await http()
      .post('/v1/auth/login')
      .set('Host', host)
      .send({ email: bank.adminEmail, password: GOOD_PASSWORD })
      .expect(200);
    const admin = { Authorization: `Bearer ${login.body.accessToken as string}`, Host: host };
    const me = await http().get('/v1/auth/me').set(admin).expect(200);
    expect(me.body).toEqual(expect.objectContaining({ role: 'ADMIN' }));

    const operatorEmail = `ops@${bank.slug}.test`;
    await http()
      .post('/v1/invitations')
      .set(admin)
      .send({ email: operatorEmail, role: TenantUserRole.Operator })
      .expect(201);
    const operatorMail = await sink.waitFor(operatorEmail, /invited/);
    const operatorLogin = await http()
      .post('/v1/invitations/accept')
      .set('Host', host)
      .send({ token: linkTokenOf(operatorMail), password: 'a quiet harbour at dawn', name: 'Ops' })
      .expect(200);

    const payment = await http()
      .post('/v1/payments')
      .set({ Authorization: `Bearer ${operatorLogin.body.accessToken as string}`, Host: host })
      .set('Idempotency-Key', `onboarding-${bank.slug}`)
      .send(newPayment())
      .expect(201);
    expect(payment.body).toEqual(expect.objectContaining({ status: expect.any(String), amount: 1050 }));

    const users = await http().get('/v1/users').set(admin).expect(200);
    expect(users.body.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ email: bank.adminEmail, role: 'ADMIN', name: 'Grace Hopper' }),
        expect.objectContaining({ email: operatorEmail, role: 'OPERATOR', name: 'Ops' }),
      ]),
    );
    const audit = await mongo.db
      .collection('audit_events')
      .distinct('action', { action: { $regex: /^(invitation|mail)\./ } });
    expect(audit).toEqual(
      expect.arrayContaining(['invitation.created', 'invitation.accepted', 'mail.delivered']),
    );

    // The development mailbox shows what the sink captured.
    const mailbox = await http().get('/dev/mailbox').query({ to: operatorEmail }).expect(200);
    expect(mailbox.body.data).toEqual([expect.objectContaining({ subject: operatorMail.subject })]);
  });

  describe('invitation tokens answer with distinct codes', () => {
    it('unknown, and another tenant’s token on this host: 404 invitation_not_found', async () => {
      const one = await newBank();
      const other = await newBank();
      const token = linkTokenOf(await sink.waitFor(one.adminEmail, /invited/));
      for (const [host, candidate] of [
        [tenantHost(one.slug, config), 'inv_unknown'],
        [tenantHost(other.slug, config), token],
      ] as const) {
        expectApiError(
          await http()
            .post('/v1/invitations/accept')
            .set('Host', host)
            .send({ token: candidate, password: GOOD_PASSWORD }),
          404,
          'invitation_not_found',
        );
      }
    });

    it('revoked: 410 invitation_revoked, and a resent invitation’s old link too', async () => {
      const bank = await newBank();
      const host = tenantHost(bank.slug, config);
      const firstToken = linkTokenOf(await sink.waitFor(bank.adminEmail, /invited/));
      const resent = await http()
        .post(`/v1/admin/tenants/${bank.tenantId}/admin-invitations`)
        .set(onboarding.superAdmin)
        .send({ email: `second@${bank.slug}.test` })
        .expect(201);
      const secondToken = linkTokenOf(await sink.waitFor(`second@${bank.slug}.test`, /invited/));
      const adminLogin = await http()
        .post('/v1/invitations/accept')
        .set('Host', host)
        .send({ token: firstToken, password: GOOD_PASSWORD })
        .expect(200);
      const admin = { Authorization: `Bearer ${adminLogin.body.accessToken as string}`, Host: host };

      await http()
        .post(`/v1/invitations/${resent.body.id as string}/resend`)
        .set(admin)
        .expect(200);
      expectApiError(
        await http()
          .post('/v1/invitations/accept')
          .set('Host', host)
          .send({ token: secondToken, password: GOOD_PASSWORD }),
        410,
        'invitation_revoked',
      );
      const newest = await sink.waitFor(`second@${bank.slug}.test`, /invited/, 1);
      expect(linkTokenOf(newest)).not.toBe(secondToken);
      await http()
        .post(`/v1/invitations/${resent.body.id as string}/revoke`)
        .set(admin)
        .expect(200);
      expectApiError(
        await http()
          .post('/v1/invitations/accept')
          .set('Host', host)
          .send({ token: linkTokenOf(newest), password: GOOD_PASSWORD }),
        410,
        'invitation_revoked',
      );
      const pending = await http().get('/v1/invitations').set(admin).expect(200);
      expect(pending.body.data).toEqual([]);
    });

    it('expired: 410 invitation_expired, and the seat comes back', async () => {
      const bank = await newBank({ tier: 'STARTER', limits: { maxUsers: 1 } });
      const host = tenantHost(bank.slug, config);
      const token = linkTokenOf(await sink.waitFor(bank.adminEmail, /invited/));
      // The only seat is held by the pending invitation.
      expectApiError(
        await http()
          .post(`/v1/admin/tenants/${bank.tenantId}/admin-invitations`)
          .set(onboarding.superAdmin)
          .send({ email: `late@${bank.slug}.test` }),
        403,
        'user_limit_reached',
      );
      await mongo.db
        .collection('invitations')
        .updateOne({ email: bank.adminEmail }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
      expectApiError(
        await http()
          .post('/v1/invitations/accept')
          .set('Host', host)
          .send({ token, password: GOOD_PASSWORD }),
        410,
        'invitation_expired',
      );
      await http()
        .post(`/v1/admin/tenants/${bank.tenantId}/admin-invitations`)
        .set(onboarding.superAdmin)
        .send({ email: `late@${bank.slug}.test` })
        .expect(201);
    });
  });

  it('only admins invite, and inviting needs a valid role and email', async () => {
    const bank = await newBank();
    const host = tenantHost(bank.slug, config);
    const token = linkTokenOf(await sink.waitFor(bank.adminEmail, /invited/));
    const admin = await http()
      .post('/v1/invitations/accept')
      .set('Host', host)
      .send({ token, password: GOOD_PASSWORD });
    const auth = { Authorization: `Bearer ${admin.body.accessToken as string}`, Host: host };
    await http()
      .post('/v1/invitations')
      .set(auth)
      .send({ email: `v@${bank.slug}.test`, role: 'VIEWER' })
      .expect(201);
    const viewer = await http()
      .post('/v1/invitations/accept')
      .set('Host', host)
      .send({ token: linkTokenOf(await sink.waitFor(`v@${bank.slug}.test`)), password: GOOD_PASSWORD });
    expectApiError(
      await http()
        .post('/v1/invitations')
        .set({ Authorization: `Bearer ${viewer.body.accessToken as string}`, Host: host })
        .send({ email: `x@${bank.slug}.test`, role: 'ADMIN' }),
      403,
      'forbidden',
    );
    expectApiError(
      await http().post('/v1/invitations').set(auth).send({ email: 'not-an-email', role: 'ROOT' }),
      400,
      'validation_error',
    );
    expectApiError(
      await http()
        .post('/v1/invitations')
        .set(auth)
        .send({ email: `v@${bank.slug}.test`, role: 'VIEWER' }),
      409,
      'conflict',
    );
  });
});
