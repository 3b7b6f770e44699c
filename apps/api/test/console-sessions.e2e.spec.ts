import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TenantUserRole } from '@tenantpay/identity';
import { TenantLookupService, type TenantSnapshot, Tier } from '@tenantpay/tenancy';
import { useTestMongo, useTestRedis } from '@tenantpay/testing';
import type { BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { expectApiError, PASSWORD, seedTenant, seedUser } from './identity-test-app';
import { useConsoleBrowser } from './support/console-browser';
import { signIn } from './support/console-sign-in';
import { waitFor } from './support/tenancy-test-app';

const BASE_DOMAIN = 'tenantpay.test';
/** The shortest access token the config allows, so the browser outlives several. */
const ACCESS_TOKEN_TTL_SECONDS = 5;
const STAFF = 'teller@bank.example';
/** Past a token's `exp`, so that no timer's rounding leaves it valid; a whole second used to be waited. */
const OUTLIVE_MARGIN_MS = 100;

// A browser drives the page, and the tests wait for access tokens to expire.
jest.setTimeout(60_000);

describe('console sessions in Chromium, on two API instances sharing MongoDB and Redis (issues 13, 18)', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();

  describe('two instances', () => {
    const chromium = useConsoleBrowser({
      baseDomain: BASE_DOMAIN,
      config: () => ({
        MONGODB_URI: mongo.uri,
        REDIS_URL: redis.url,
        BASE_DOMAIN,
        JWT_ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TOKEN_TTL_SECONDS),
      }),
      instances: 2,
    });
    let appA: NestFastifyApplication;
    let appB: NestFastifyApplication;
    const ports = { a: 0, b: 0 };
    let bank: TenantSnapshot;
    let context: BrowserContext;
    /** Answers of 400 or more the pages of the current test received, as `status path`. */
    let failedResponses: string[] = [];

    const host = () => `${bank.slug}.${BASE_DOMAIN}`;

    async function openConsole(port: number): Promise<Page> {
      const page = await chromium.newPage(context);
      page.on('response', (response) => {
        if (response.status() >= 400)
          failedResponses.push(`${response.status()} ${new URL(response.url()).pathname}`);
      });
      // The payments screen: its filter button sends a signed-in call on demand.
      await page.goto(`http://${host()}:${port}/#/payments`);
      return page;
    }

    async function signInAsStaff(page: Page): Promise<void> {
      await signIn(page, STAFF);
      await page.locator('#workspace').waitFor();
    }

    // Expressions run in the page are strings: this file is type-checked without the DOM's globals.
    const accessTokenIn = (page: Page) =>
      page.evaluate<string | null>(`sessionStorage.getItem('tenantpay.portal.accessToken')`);
    const refreshCookie = async () =>
      (await context.cookies()).find((cookie) => cookie.name === 'tp_refresh')?.value ?? null;
    /**
     * Waits until the token's `exp` has passed: the server then refuses it (jsonwebtoken accepts a token only
     * while the current second is before `exp`; browser and API share this machine's clock).
     */
    async function outlive(token: string | null): Promise<void> {
      const payload = JSON.parse(
        Buffer.from((token ?? '').split('.')[1] ?? '', 'base64url').toString('utf8'),
      );
      const expiresAtMs = Number(payload.exp) * 1000;
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, expiresAtMs - Date.now()) + OUTLIVE_MARGIN_MS),
      );
    }
    const me = (app: NestFastifyApplication, token: string | null) =>
      request(app.getHttpServer())
        .get('/v1/auth/me')
        .set('Authorization', `Bearer ${token ?? ''}`);

    beforeAll(async () => {
      [appA, appB] = chromium.apps as [NestFastifyApplication, NestFastifyApplication];
      ports.a = chromium.portOf(appA);
      ports.b = chromium.portOf(appB);
      bank = await seedTenant(appA, Tier.Starter);
      await seedUser(appA, bank, STAFF, TenantUserRole.Admin);
    }, 60_000);
    beforeEach(async () => {
      failedResponses = [];
      context = await chromium.browser.newContext();
      await waitFor(
        () =>
          appA.get(TenantLookupService).localCacheActive && appB.get(TenantLookupService).localCacheActive,
      );
    });
    afterEach(async () => {
      await context.close();
    });

    it('keeps a staff member signed in past the access-token lifetime', async () => {
      const page = await openConsole(ports.a);
      await signInAsStaff(page);
      const firstToken = await accessTokenIn(page);
      const firstCookie = await refreshCookie();
      expect(firstCookie).toMatch(/^tp_rt_/);

      for (let lifetime = 0; lifetime < 2; lifetime += 1) {
        const before = await accessTokenIn(page);
        await outlive(before);
        // Working on: the expired token is refused once, renewed through the cookie, and the call is sent again.
        await page.locator('#filters button[type=submit]').click();
        await page.locator('#payments[aria-busy=false]').waitFor();
        await waitFor(async () => (await accessTokenIn(page)) !== before);
        expect(await page.locator('#workspace').isVisible()).toBe(true);
        expect(await page.locator('#sign-in').isHidden()).toBe(true);
      }
      expect(await accessTokenIn(page)).not.toBe(firstToken);
      // The refresh token was rotated at each renewal.
      expect(await refreshCookie()).not.toBe(firstCookie);
      expect(failedResponses.filter((failure) => !failure.startsWith('401 '))).toEqual([]);

      // A new tab (no token of its own) is signed in by the session cookie.
      const secondTab = await openConsole(ports.a);
      await secondTab.locator('#workspace').waitFor();
      expect(await secondTab.locator('#session-user').textContent()).toBe(`${STAFF} (Admin, Starter plan)`);

      // Signing out with an expired access token still ends the session on the server (it renews first).
      const lastToken = await accessTokenIn(secondTab);
      await outlive(lastToken);
      await secondTab.locator('#sign-out').click();
      await secondTab.locator('#sign-in').waitFor();
      expect(await refreshCookie()).toBeNull();
      const sessionId = JSON.parse(
        Buffer.from((lastToken ?? '').split('.')[1] ?? '', 'base64url').toString('utf8'),
      ).sid as string;
      expect(
        await mongo.db
          .collection('audit_events')
          .findOne({ action: 'auth.logout', 'resource.id': sessionId }),
      ).toEqual(expect.objectContaining({ outcome: 'success' }));
    });

    it('signs out on instance A and the session is over on instance B at its next request', async () => {
      const onA = await openConsole(ports.a);
      await signInAsStaff(onA);
      const token = await accessTokenIn(onA);
      // Instance B serves the same session (and now holds it in its in-process cache).
      await me(appB, token).expect(200);
      const onB = await openConsole(ports.b);
      await onB.evaluate(`sessionStorage.setItem('tenantpay.portal.accessToken', ${JSON.stringify(token)})`);
      await onB.reload();
      await onB.locator('#workspace').waitFor();

      await onA.locator('#sign-out').click();
      await onA.locator('#sign-in').waitFor();
      expect(await refreshCookie()).toBeNull();

      expectApiError(await me(appB, token), 401, 'unauthorized');
      // The page on B learns it at its next call: the token is refused and nothing can renew it.
      await onB.locator('#filters button[type=submit]').click();
      await onB.locator('#sign-in').waitFor();
      expect(await onB.locator('#sign-in-error').textContent()).toMatch(/session has ended/i);
      expect(await onB.locator('#workspace').isHidden()).toBe(true);
    });

    it('ends the whole session when a rotated refresh token is replayed', async () => {
      const page = await openConsole(ports.a);
      await signInAsStaff(page);
      const stolen = await refreshCookie();
      const before = await accessTokenIn(page);
      await outlive(before);
      await page.locator('#filters button[type=submit]').click();
      await waitFor(async () => (await accessTokenIn(page)) !== before);
      expect(await refreshCookie()).not.toBe(stolen);

      // Someone replays the cookie the portal has already rotated away, on the other instance.
      const replay = await request(appB.getHttpServer())
        .post('/v1/auth/refresh')
        .set('Host', host())
        .set('Cookie', `tp_refresh=${stolen ?? ''}`)
        .send({});
      expectApiError(replay, 401, 'refresh_token_reused');

      // The staff member's own tab is signed out too: its access token and its refresh cookie belong to the
      // ended family.
      expectApiError(await me(appA, await accessTokenIn(page)), 401, 'unauthorized');
      await page.locator('#filters button[type=submit]').click();
      await page.locator('#sign-in').waitFor();
      expect(await page.locator('#workspace').isHidden()).toBe(true);
    });

    it('changes the password on the account screen: this tab stays signed in, the other sessions end', async () => {
      const email = 'changer@bank.example';
      const newPassword = 'seven amber kites drifting';
      await seedUser(appA, bank, email, TenantUserRole.Operator);
      const elsewhere = await request(appB.getHttpServer())
        .post('/v1/auth/login')
        .set('Host', host())
        .send({ email, password: PASSWORD })
        .expect(200);
      const page = await openConsole(ports.a);
      await signIn(page, email);
      await page.locator('#workspace').waitFor();

      await page.locator('#account-link').click();
      const form = page.locator('section', { has: page.locator('#password-title') });
      await form.locator('input[name=currentPassword]').fill('not my password');
      await form.locator('input[name=newPassword]').fill(newPassword);
      await form.locator('button[type=submit]').click();
      await form.locator('.error-state').waitFor();
      expect(await form.locator('.error-state').textContent()).toMatch(/current password/i);

      await form.locator('input[name=currentPassword]').fill(PASSWORD);
      await form.locator('input[name=newPassword]').fill(newPassword);
      await form.locator('button[type=submit]').click();
      await form.locator('[role=status]', { hasText: 'Password changed.' }).waitFor();

      // This tab's session lives on (renewed if its 5-second token expired meanwhile): a signed-in call works.
      await page.locator('.side-nav a[href="#/payments"]').click();
      await page.locator('#payments[aria-busy=false]').waitFor();
      expect(await page.locator('#sign-in').count()).toBe(0);
      expectApiError(await me(appB, elsewhere.body.accessToken as string), 401, 'unauthorized');
      await request(appB.getHttpServer())
        .post('/v1/auth/login')
        .set('Host', host())
        .send({ email, password: newPassword })
        .expect(200);
    });
  });
});
