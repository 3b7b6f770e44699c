import type { AppConfig } from '@tenantpay/platform';
import request from 'supertest';
import { expectApiError, PASSWORD } from './identity-test-app';
import {
  acceptEmailedInvitation,
  createBank,
  linkTokenOf,
  type OnboardedBank,
  type OnboardingTestApp,
  useOnboardingApp,
} from './support/onboarding-test-app';

const FIRST_PASSWORD = 'violet otters juggle quietly';
const NEW_PASSWORD = 'seven amber kites drifting';

describe('password reset by email and password change', () => {
  const { mongo, sink, onboarding: harness, config: harnessConfig } = useOnboardingApp();
  let config: AppConfig;
  let onboarding: OnboardingTestApp;
  let bank: OnboardedBank;
  const http = () => request(onboarding.app.getHttpServer());
  const login = (email: string, password: string) =>
    http().post('/v1/auth/login').set('Host', bank.host).send({ email, password });
  /** A signed-in session's tokens (refresh token in the body). */
  const session = async (email: string, password: string) => {
    const body = (
      await http()
        .post('/v1/auth/login')
        .set('Host', bank.host)
        .send({ email, password, refreshTokenDelivery: 'body' })
        .expect(200)
    ).body as { accessToken: string; refreshToken: string };
    return body;
  };
  const me = (accessToken: string) =>
    http().get('/v1/auth/me').set('Host', bank.host).set('Authorization', `Bearer ${accessToken}`);
  const refresh = (refreshToken: string) =>
    http().post('/v1/auth/refresh').set('Host', bank.host).send({ refreshToken });

  beforeAll(async () => {
    config = harnessConfig();
    onboarding = harness();
    bank = await createBank(onboarding, config);
    await acceptEmailedInvitation(onboarding, sink, bank, bank.adminEmail, FIRST_PASSWORD);
  });

  describe('reset', () => {
    it('answers the same for a known and an unknown email, and emails only the known one', async () => {
      const known = await http()
        .post('/v1/auth/password-reset')
        .set('Host', bank.host)
        .send({ email: bank.adminEmail });
      const unknown = await http()
        .post('/v1/auth/password-reset')
        .set('Host', bank.host)
        .send({ email: `nobody@${bank.slug}.test` });
      expect([known.status, unknown.status]).toEqual([202, 202]);
      expect(known.body).toEqual(unknown.body);
      const mail = await sink.waitFor(bank.adminEmail, /Reset/);
      // The console's reset route on the tenant's host, the token ahead of the hash.
      expect(mail.text).toContain(`http://${bank.host}/?token=`);
      expect(mail.text).toMatch(/\?token=[A-Za-z0-9_-]+#\/reset-password/);
      expect(sink.messages().filter((m) => m.to.includes(`nobody@${bank.slug}.test`))).toEqual([]);
    });

    it('sets the new password once: weak refused, then 204, the old password stops, the link is single-use', async () => {
      const token = linkTokenOf(await sink.waitFor(bank.adminEmail, /Reset/));
      const confirm = (password: string, host = bank.host) =>
        http().post('/v1/auth/password-reset/confirm').set('Host', host).send({ token, password });
      const signedIn = await session(bank.adminEmail, FIRST_PASSWORD);
      expectApiError(await confirm('password1234'), 400, 'weak_password');
      // A refused reset changes nothing: the session still works.
      await me(signedIn.accessToken).expect(200);
      await confirm(NEW_PASSWORD).expect(204);
      // Whoever knew the old password is signed out everywhere: access token and refresh token refused.
      expectApiError(await me(signedIn.accessToken), 401, 'unauthorized');
      expectApiError(await refresh(signedIn.refreshToken), 401, 'unauthorized');
      expect((await login(bank.adminEmail, FIRST_PASSWORD)).status).toBe(401);
      await login(bank.adminEmail, NEW_PASSWORD).expect(200);
      expectApiError(await confirm('another fine passphrase'), 410, 'password_reset_token_used');
    });

    it('refuses unknown, expired and other tenants’ tokens with distinct codes', async () => {
      const other = await createBank(onboarding, config);
      // Age any reset left open by earlier tests past the one-a-minute resend interval, so this request sends
      // exactly one new link (two requests here sent two emails, whose delivery order is not guaranteed).
      const resets = mongo.db.collection('password_resets');
      await resets.updateMany({}, { $set: { createdAt: new Date(Date.now() - 120_000) } });
      const resetEmailsBefore = sink
        .messages()
        .filter(
          (mail) =>
            mail.to.some((to) => to.toLowerCase() === bank.adminEmail.toLowerCase()) &&
            /Reset/.test(mail.subject),
        ).length;
      await http().post('/v1/auth/password-reset').set('Host', bank.host).send({ email: bank.adminEmail });
      const token = linkTokenOf(await sink.waitFor(bank.adminEmail, /Reset/, resetEmailsBefore));
      expectApiError(
        await http()
          .post('/v1/auth/password-reset/confirm')
          .set('Host', other.host)
          .send({ token, password: NEW_PASSWORD }),
        404,
        'password_reset_token_not_found',
      );
      await resets.updateMany({ usedAt: null }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
      expectApiError(
        await http()
          .post('/v1/auth/password-reset/confirm')
          .set('Host', bank.host)
          .send({ token, password: NEW_PASSWORD }),
        410,
        'password_reset_token_expired',
      );
      expectApiError(
        await http()
          .post('/v1/auth/password-reset/confirm')
          .set('Host', bank.host)
          .send({ token: 'pwr_unknown', password: NEW_PASSWORD }),
        404,
        'password_reset_token_not_found',
      );
    });
  });

  describe('change', () => {
    it('needs the current password and a new one that meets the policy, and ends the other sessions', async () => {
      const signedIn = await session(bank.adminEmail, NEW_PASSWORD);
      const otherDevice = await session(bank.adminEmail, NEW_PASSWORD);
      const auth = { Authorization: `Bearer ${signedIn.accessToken}`, Host: bank.host };
      expectApiError(
        await http()
          .post('/v1/auth/password')
          .set(auth)
          .send({ currentPassword: 'wrong one', newPassword: PASSWORD }),
        400,
        'invalid_current_password',
      );
      expectApiError(
        await http()
          .post('/v1/auth/password')
          .set(auth)
          .send({ currentPassword: NEW_PASSWORD, newPassword: bank.adminEmail }),
        400,
        'weak_password',
      );
      // Refused changes end nothing.
      await me(otherDevice.accessToken).expect(200);
      await http()
        .post('/v1/auth/password')
        .set(auth)
        .send({ currentPassword: NEW_PASSWORD, newPassword: PASSWORD })
        .expect(204);
      await login(bank.adminEmail, PASSWORD).expect(200);
      await me(signedIn.accessToken).expect(200);
      await refresh(signedIn.refreshToken).expect(200);
      expectApiError(await me(otherDevice.accessToken), 401, 'unauthorized');
      expectApiError(await refresh(otherDevice.refreshToken), 401, 'unauthorized');
    });

    it('works for platform operators too, ending their other sessions', async () => {
      const operator = (await http().get('/v1/platform/auth/me').set(onboarding.superAdmin).expect(200))
        .body as { email: string };
      const otherDevice = await http()
        .post('/v1/platform/auth/login')
        .send({ email: operator.email, password: PASSWORD, refreshTokenDelivery: 'body' })
        .expect(200);
      const otherAuth = { Authorization: `Bearer ${otherDevice.body.accessToken as string}` };
      await http()
        .post('/v1/platform/auth/password')
        .set(onboarding.superAdmin)
        .send({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD })
        .expect(204);
      await http().get('/v1/platform/auth/me').set(onboarding.superAdmin).expect(200);
      expectApiError(await http().get('/v1/platform/auth/me').set(otherAuth), 401, 'unauthorized');
      expectApiError(
        await http()
          .post('/v1/platform/auth/refresh')
          .send({ refreshToken: otherDevice.body.refreshToken as string }),
        401,
        'unauthorized',
      );
      await http()
        .post('/v1/platform/auth/login')
        .send({ email: operator.email, password: NEW_PASSWORD })
        .expect(200);
    });
  });
  it('an archived tenant refuses invitation acceptance and password resets (409 tenant_archived), until unarchived', async () => {
    const archived = await createBank(onboarding, config);
    const admin = await acceptEmailedInvitation(
      onboarding,
      sink,
      archived,
      archived.adminEmail,
      FIRST_PASSWORD,
    );
    await http()
      .post('/v1/invitations')
      .set(admin)
      .send({ email: `ops@${archived.slug}.test`, role: 'OPERATOR' })
      .expect(201);
    const invitation = linkTokenOf(await sink.waitFor(`ops@${archived.slug}.test`, /invited/));
    await http()
      .post('/v1/auth/password-reset')
      .set('Host', archived.host)
      .send({ email: archived.adminEmail });
    const reset = linkTokenOf(await sink.waitFor(archived.adminEmail, /Reset/));
    const accept = () =>
      http()
        .post('/v1/invitations/accept')
        .set('Host', archived.host)
        .send({ token: invitation, password: NEW_PASSWORD });
    const confirm = () =>
      http()
        .post('/v1/auth/password-reset/confirm')
        .set('Host', archived.host)
        .send({ token: reset, password: NEW_PASSWORD });

    await http()
      .post(`/v1/admin/tenants/${archived.tenantId}/archive`)
      .set(onboarding.superAdmin)
      .expect(200);
    expectApiError(await accept(), 409, 'tenant_archived');
    expectApiError(await confirm(), 409, 'tenant_archived');
    expectApiError(
      await http()
        .post('/v1/auth/password-reset')
        .set('Host', archived.host)
        .send({ email: archived.adminEmail }),
      409,
      'tenant_archived',
    );
    // Reads still work: the admin can still sign in.
    await http()
      .post('/v1/auth/login')
      .set('Host', archived.host)
      .send({ email: archived.adminEmail, password: FIRST_PASSWORD })
      .expect(200);

    await http()
      .post(`/v1/admin/tenants/${archived.tenantId}/unarchive`)
      .set(onboarding.superAdmin)
      .expect(200);
    await accept().expect(200);
    await confirm().expect(204);
  });
});
