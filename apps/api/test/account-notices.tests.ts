import request from 'supertest';
import { expectApiError } from './identity-test-app';
import { newPayment } from './payments-test-app';
import { acceptEmailedInvitation, createBank, useOnboardingApp } from './support/onboarding-test-app';

const PASSWORD = 'violet otters juggle quietly';

describe('account notices by email: lockout notice, usage alerts to the admins (SMTP sink)', () => {
  const { mongo, sink, onboarding, config } = useOnboardingApp();
  const http = () => request(onboarding().app.getHttpServer());
  const outboxRows = (filter: Record<string, unknown>) =>
    mongo.db.collection('mail_outbox').countDocuments(filter);

  it('emails the owner once when the fifth failed login locks the account; unknown emails get nothing', async () => {
    const bank = await createBank(onboarding(), config());
    await acceptEmailedInvitation(onboarding(), sink, bank, bank.adminEmail, PASSWORD);
    const login = (email: string, password: string) =>
      http().post('/v1/auth/login').set('Host', bank.host).send({ email, password });
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expectApiError(await login(bank.adminEmail, 'not the password'), 401, 'unauthorized');
      expectApiError(await login(`nobody@${bank.slug}.test`, 'not the password'), 401, 'unauthorized');
    }
    // Locked: even the right password is refused, and refusals send nothing more.
    expectApiError(await login(bank.adminEmail, PASSWORD), 429, 'rate_limit_exceeded');
    expectApiError(await login(bank.adminEmail, 'not the password'), 429, 'rate_limit_exceeded');

    const notice = await sink.waitFor(bank.adminEmail, /locked/);
    expect(notice.subject).toBe(`Your ${bank.slug} Savings account is locked`);
    expect(notice.text).toContain('5 times');
    expect(notice.text).toContain(`http://${bank.host}/#/reset-password`);
    expect(notice.html).toContain('#0a7d32');
    // Another email to the same address, written after the refused attempts: by the time it arrives, any second
    // notice those attempts had written would be in the outbox.
    await http()
      .post('/v1/auth/password-reset')
      .set('Host', bank.host)
      .send({ email: bank.adminEmail })
      .expect(202);
    await sink.waitFor(bank.adminEmail, /Reset/);
    expect(await outboxRows({ kind: 'lockout_notice', to: bank.adminEmail })).toBe(1);
    expect(await outboxRows({ to: `nobody@${bank.slug}.test` })).toBe(0);
    const locked = await mongo.db.collection('audit_events').countDocuments({ action: 'user.locked' });
    expect(locked).toBe(1);
  });

  it('emails the tenant’s active admins at 80 % and 100 % of the monthly transactions, once each', async () => {
    const bank = await createBank(onboarding(), config(), { limits: { transactionsPerMonth: 5 } });
    const admin = await acceptEmailedInvitation(onboarding(), sink, bank, bank.adminEmail, PASSWORD);
    const secondAdmin = `cto@${bank.slug}.test`;
    await http().post('/v1/invitations').set(admin).send({ email: secondAdmin, role: 'ADMIN' }).expect(201);
    await acceptEmailedInvitation(onboarding(), sink, bank, secondAdmin, PASSWORD);
    const viewer = `viewer@${bank.slug}.test`;
    await http().post('/v1/invitations').set(admin).send({ email: viewer, role: 'VIEWER' }).expect(201);
    await acceptEmailedInvitation(onboarding(), sink, bank, viewer, PASSWORD);

    const pay = (n: number) =>
      http()
        .post('/v1/payments')
        .set(admin)
        .set('Idempotency-Key', `usage-${bank.slug}-${n}`)
        .send(newPayment());
    for (let n = 1; n <= 4; n += 1) await pay(n).expect(201);
    const at80 = await sink.waitFor(bank.adminEmail, /80%/);
    expect(at80.subject).toBe(`${bank.slug} Savings has used 80% of its monthly transactions`);
    expect(at80.text).toContain('4 of 5 transactions');
    expect(at80.html).toContain('#0a7d32');
    await sink.waitFor(secondAdmin, /80%/);

    await pay(5).expect(201);
    const at100 = await sink.waitFor(bank.adminEmail, /100%/);
    expect(at100.text).toContain('5 of 5 transactions');
    await sink.waitFor(secondAdmin, /100%/);
    expectApiError(await pay(6), 429, 'quota_exceeded');

    expect(await outboxRows({ kind: 'usage_alert', to: bank.adminEmail })).toBe(2);
    expect(await outboxRows({ kind: 'usage_alert', to: secondAdmin })).toBe(2);
    expect(await outboxRows({ kind: 'usage_alert', to: viewer })).toBe(0);
  });
});
