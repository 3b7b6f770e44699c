import { TenantUserRole } from '@tenantpay/identity';
import { REDIS_CLIENT } from '@tenantpay/platform';
import { type TenantSnapshot, Tier } from '@tenantpay/tenancy';
import { useTestMongo, useTestRedis } from '@tenantpay/testing';
import type Redis from 'ioredis';
import type { BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { encode } from 'uqr';
import { PASSWORD, seedTenant, seedUser } from './identity-test-app';
import { Authenticator } from './support/authenticator';
import { useConsoleBrowser } from './support/console-browser';
import { enterSecondFactor, signIn } from './support/console-sign-in';

const BASE_DOMAIN = 'tenantpay.test';

// A browser drives the page; a TOTP code may have to wait for the next 30-second step.
jest.setTimeout(90_000);

describe('console sign-in with a second factor, and turning it on, in Chromium (issues 13, 18)', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();

  describe('in Chromium', () => {
    const chromium = useConsoleBrowser({
      baseDomain: BASE_DOMAIN,
      config: () => ({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url, BASE_DOMAIN }),
    });
    let context: BrowserContext;
    let bank: TenantSnapshot;
    let strictBank: TenantSnapshot;

    const hostOf = (tenant: TenantSnapshot) => `${tenant.slug}.${BASE_DOMAIN}`;
    const http = () => request(chromium.app.getHttpServer());
    const apiLogin = (tenant: TenantSnapshot, email: string) =>
      http()
        .post('/v1/auth/login')
        .set('Host', hostOf(tenant))
        .send({ email, password: PASSWORD })
        .expect(200);

    /** Turns MFA on for a user through the API, as the two-factor page does. */
    async function enrolThroughApi(
      tenant: TenantSnapshot,
      email: string,
    ): Promise<{ authenticator: Authenticator; recoveryCodes: string[] }> {
      const token = (await apiLogin(tenant, email)).body.accessToken as string;
      const as = (path: string) =>
        http().post(path).set('Host', hostOf(tenant)).set('Authorization', `Bearer ${token}`);
      const { secret } = (await as('/v1/auth/mfa/totp').expect(200)).body;
      const authenticator = new Authenticator(secret);
      const confirmed = await as('/v1/auth/mfa/totp/confirm')
        .send({ code: await authenticator.nextCode() })
        .expect(200);
      return { authenticator, recoveryCodes: confirmed.body.recoveryCodes };
    }

    async function openConsole(tenant: TenantSnapshot): Promise<Page> {
      const page = await chromium.newPage(context);
      await page.goto(`http://${hostOf(tenant)}:${chromium.port}/`);
      return page;
    }

    beforeAll(async () => {
      const { app } = chromium;
      bank = await seedTenant(app, Tier.Enterprise);
      strictBank = await seedTenant(app, Tier.Enterprise);
      for (const email of [
        'coder@bank.example',
        'recover@bank.example',
        'late@bank.example',
        'self@bank.example',
      ])
        await seedUser(app, bank, email, TenantUserRole.Admin);
      await seedUser(app, strictBank, 'admin@strict.example', TenantUserRole.Admin);
      await seedUser(app, strictBank, 'teller@strict.example', TenantUserRole.Viewer);
    }, 60_000);
    beforeEach(async () => {
      context = await chromium.browser.newContext();
      // Every sign-in comes from 127.0.0.1: the per-IP login limit is not what these tests are about.
      const redisClient = chromium.app.get<Redis>(REDIS_CLIENT);
      const prefix = redisClient.options.keyPrefix ?? '';
      const limits = await redisClient.keys(`${prefix}rl:*:login`);
      if (limits.length > 0) await redisClient.del(...limits.map((key) => key.slice(prefix.length)));
    });
    afterEach(async () => {
      await context.close();
    });

    it('asks for the code after the password; a wrong code is shown on the step, the right one signs in', async () => {
      const { authenticator } = await enrolThroughApi(bank, 'coder@bank.example');
      const page = await openConsole(bank);
      await signIn(page, 'coder@bank.example');

      await page.locator('#mfa-step').waitFor();
      expect(await page.locator('#workspace').isHidden()).toBe(true);
      expect(await page.locator('#sign-in').isHidden()).toBe(true);

      await enterSecondFactor(page, authenticator.wrongCode());
      await page.locator('#mfa-error[data-code=invalid_mfa_code]').waitFor();
      expect(await page.locator('#mfa-error').innerText()).toContain('The code is not valid.');
      expect(await page.locator('#mfa-step').isVisible()).toBe(true);

      await enterSecondFactor(page, await authenticator.nextCode());
      await page.locator('#workspace').waitFor();
      expect(await page.locator('#session-user').innerText()).toContain('coder@bank.example');
      expect(await page.locator('#mfa-step').isHidden()).toBe(true);
    });

    it('accepts a recovery code instead of the app’s code, once', async () => {
      const { recoveryCodes } = await enrolThroughApi(bank, 'recover@bank.example');
      const [recoveryCode] = recoveryCodes;
      const page = await openConsole(bank);
      await signIn(page, 'recover@bank.example');
      await page.locator('#mfa-step').waitFor();

      await page.locator('#mfa-use-recovery').click();
      expect(await page.locator('#mfa-form input[name=code]').isHidden()).toBe(true);
      await enterSecondFactor(page, recoveryCode ?? '', 'recoveryCode');
      await page.locator('#workspace').waitFor();

      // The same recovery code again, in a fresh browser: spent.
      const otherBrowser = await chromium.browser.newContext();
      try {
        const again = await chromium.newPage(otherBrowser);
        await again.goto(`http://${hostOf(bank)}:${chromium.port}/`);
        await signIn(again, 'recover@bank.example');
        await again.locator('#mfa-step').waitFor();
        await again.locator('#mfa-use-recovery').click();
        await enterSecondFactor(again, recoveryCode ?? '', 'recoveryCode');
        await again.locator('#mfa-error[data-code=invalid_mfa_code]').waitFor();
      } finally {
        await otherBrowser.close();
      }
    });

    it('sends the user back to the password, saying why, when the sign-in challenge has expired', async () => {
      const { authenticator } = await enrolThroughApi(bank, 'late@bank.example');
      const page = await openConsole(bank);
      await signIn(page, 'late@bank.example');
      await page.locator('#mfa-step').waitFor();

      // Five minutes pass: the challenges are gone from Redis, as their expiry removes them.
      const redisClient = chromium.app.get<Redis>(REDIS_CLIENT);
      const prefix = redisClient.options.keyPrefix ?? '';
      const challenges = await redisClient.keys(`${prefix}mfa:challenge:*`);
      expect(challenges.length).toBeGreaterThan(0);
      await redisClient.del(...challenges.map((key) => key.slice(prefix.length)));

      await enterSecondFactor(page, await authenticator.nextCode());
      await page.locator('#sign-in-error[data-code=unauthorized]').waitFor();
      expect(await page.locator('#sign-in-error').innerText()).toContain(
        'Enter your email and password again',
      );
      expect(await page.locator('#sign-in').isVisible()).toBe(true);
      expect(await page.locator('#mfa-step').isHidden()).toBe(true);
    });

    it('lets a signed-in user turn on MFA from the account screen; the next sign-in asks for a code', async () => {
      const page = await openConsole(bank);
      await signIn(page, 'self@bank.example');
      await page.locator('#workspace').waitFor();
      await page.locator('#account-link').click();
      const mfa = page.locator('section', { has: page.locator('#mfa-title') });

      await mfa.locator('p', { hasText: /^Off\./ }).waitFor();
      await mfa.locator('button', { hasText: 'Set up an authenticator app' }).click();
      const secret = await mfa.locator('.secret-value').textContent();
      const authenticator = new Authenticator(secret ?? '');
      const qrCode = mfa.locator('svg.qr-code[role=img]');
      await qrCode.waitFor();
      expect((await qrCode.boundingBox())?.width).toBeGreaterThan(100);
      // As many dark squares as the encoder gives the URI the page links to (the component test compares them all).
      const otpauthUri = (await mfa.locator('a[href^="otpauth:"]').getAttribute('href')) ?? '';
      const drawn = ((await qrCode.locator('path').getAttribute('d')) ?? '').match(/h1v1h-1z/g)?.length;
      expect(drawn).toBe(encode(otpauthUri, { border: 0 }).data.flat().filter(Boolean).length);

      await mfa.locator('input[name=code]').fill(authenticator.wrongCode());
      await mfa.locator('button[type=submit]', { hasText: 'Turn on' }).click();
      await mfa.locator('.error-state').waitFor();

      await mfa.locator('input[name=code]').fill(await authenticator.nextCode());
      await mfa.locator('button[type=submit]', { hasText: 'Turn on' }).click();
      await mfa.locator('.recovery-codes').waitFor();
      expect(await mfa.locator('.recovery-codes li').count()).toBe(10);
      await mfa.locator('p', { hasText: /^On\. 10 recovery codes left\./ }).waitFor();
      expect(await mfa.locator('button', { hasText: 'Set up an authenticator app' }).count()).toBe(0);

      // New recovery codes replace the first ones, proven by a code from the app.
      const firstCodes = await mfa.locator('.recovery-codes li').allTextContents();
      await mfa.locator('button', { hasText: 'I have stored them' }).click();
      const replace = mfa.locator('#replace-recovery-codes-form');
      await replace.locator('input[name=code]').fill(await authenticator.nextCode());
      await replace.locator('button[type=submit]').click();
      await mfa.locator('.recovery-codes').waitFor();
      const replaced = await mfa.locator('.recovery-codes li').allTextContents();
      expect(replaced).toHaveLength(10);
      expect(replaced.filter((code) => firstCodes.includes(code))).toEqual([]);

      const next = await apiLogin(bank, 'self@bank.example');
      expect(next.body).toMatchObject({ mfaRequired: true, challengeToken: expect.any(String) });
      expect(next.body.accessToken).toBeUndefined();
    });

    it('when the tenant requires MFA, a user without a factor enrols while signing in and sees the recovery codes once', async () => {
      const adminToken = (await apiLogin(strictBank, 'admin@strict.example')).body.accessToken as string;
      await http()
        .put('/v1/settings/security')
        .set('Host', hostOf(strictBank))
        .set('Authorization', `Bearer ${adminToken}`)
        .send({ mfaRequired: true })
        .expect(200);

      const page = await openConsole(strictBank);
      await signIn(page, 'teller@strict.example');
      await page.locator('#mfa-enrol-step').waitFor();
      const secret = await page.locator('#mfa-enrol-step .secret-value').textContent();
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      // The QR code of the key, for a phone's camera, beside the key as text.
      await page.locator('#mfa-enrol-step svg.qr-code[role=img]').waitFor();
      expect(await chromium.seriousAccessibilityViolations(page)).toEqual([]);
      const authenticator = new Authenticator(secret ?? '');

      await page.locator('#mfa-enrol-form input[name=code]').fill(await authenticator.nextCode());
      await page.locator('#mfa-enrol-form button[type=submit]').click();
      await page.locator('#recovery-codes').waitFor();
      expect(await page.locator('#recovery-code-list li').count()).toBe(10);
      expect(await page.locator('#workspace').isHidden()).toBe(true);

      await page.locator('#recovery-codes-done').click();
      await page.locator('#workspace').waitFor();
      expect(await page.locator('#recovery-codes').isHidden()).toBe(true);
      expect(await page.locator('#recovery-code-list li').count()).toBe(0);

      // Enrolled: the next password login asks for a code, no longer for an enrolment.
      const next = await apiLogin(strictBank, 'teller@strict.example');
      expect(next.body).toMatchObject({ mfaRequired: true });
      expect(next.body.mfaEnrolmentRequired).toBeUndefined();
    });
  });
});
