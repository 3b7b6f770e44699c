import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TenantUserRole } from '@tenantpay/identity';
import {
  TenantAdminService,
  type TenantBranding,
  TenantContextService,
  type TenantSnapshot,
  Tier,
} from '@tenantpay/tenancy';
import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { createApiApplication } from '../src/create-api-application';
import { expectApiError, PASSWORD, seedTenant, seedUser } from './identity-test-app';
import { launchHeadlessChromium } from './support/headless-chromium';

const BASE_DOMAIN = 'tenantpay.test';
const SCREENSHOTS = path.resolve(__dirname, '../../../test-results/portal');
const BRAND_A: TenantBranding = {
  displayName: 'First Community Bank',
  primaryColor: '#1F6FEB',
  supportEmail: 'help@first.example',
};
// Markup in a brand is text to show, never HTML to run. The bright yellow cards must get dark text.
const BRAND_B: TenantBranding = {
  displayName: 'Growth <i>Savings</i>',
  primaryColor: '#2DA44E',
  secondaryColor: '#FFE600',
};
/** Twelve payments per tenant, the same in both, so a leak cannot hide behind different data. */
const SEEDED = Array.from({ length: 12 }, (_, index) => ({
  reference: `INV-${String(index + 1).padStart(3, '0')}`,
  amount: 1000 + index * 25,
  currency: index < 8 ? 'EUR' : 'USD',
  method: index % 2 === 0 ? 'card' : 'bank_transfer',
}));

// A browser drives the page: each step waits on rendering and several API calls.
jest.setTimeout(30_000);

describe('staff portal at the root of a tenant host (issue 8)', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();

  // Nested so that the app (and its BullMQ queues) closes before the outer afterAll stops Redis.
  describe('in Chromium', () => {
    let app: NestFastifyApplication;
    let port: number;
    let browser: Browser;
    let tenantA: TenantSnapshot;
    let tenantB: TenantSnapshot;
    const idsOf = { a: new Set<string>(), b: new Set<string>() };
    /** CSP refusals and uncaught errors of the pages opened by the current test. */
    let problems: string[] = [];
    /** Every answer of 400 or more the pages of the current test received, as `status path`. */
    let failedResponses: string[] = [];

    const hostOf = (tenant: TenantSnapshot) => `${tenant.slug}.${BASE_DOMAIN}`;
    const emailOf = (tenant: TenantSnapshot, role: string) => `${role.toLowerCase()}@${tenant.slug}.example`;

    async function openPortal(context: BrowserContext, host: string): Promise<Page> {
      const page = await context.newPage();
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('response', (response) => {
        if (response.status() >= 400)
          failedResponses.push(`${response.status()} ${new URL(response.url()).pathname}`);
      });
      await page.goto(`http://${host}:${port}/`);
      return page;
    }

    async function signIn(page: Page, email: string): Promise<void> {
      await page.locator('#sign-in-form input[name=email]').fill(email);
      await page.locator('#sign-in-form input[name=password]').fill(PASSWORD);
      await page.locator('#sign-in-form button[type=submit]').click();
    }

    const shot = (page: Page, name: string) =>
      page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
    // Expressions run in the page are strings: this file is type-checked without the DOM's globals.
    const brandColor = (page: Page) =>
      page.evaluate<string>(`getComputedStyle(document.querySelector('.brand-bar')).backgroundColor`);
    const rowIds = (page: Page) =>
      page
        .locator('#payment-rows tr')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-payment-id') ?? ''));
    /** Waits for the list to finish loading (the page marks it aria-busy meanwhile) and checks its length. */
    async function waitForRows(page: Page, count: number): Promise<void> {
      await page.locator('#payments[aria-busy=false]').waitFor();
      expect(await page.locator('#payment-rows tr').count()).toBe(count);
    }

    async function seedPayments(tenant: TenantSnapshot, into: Set<string>): Promise<void> {
      const login = await request(app.getHttpServer())
        .post('/v1/auth/login')
        .set('Host', hostOf(tenant))
        .send({ email: emailOf(tenant, 'ADMIN'), password: PASSWORD })
        .expect(200);
      for (const payment of SEEDED) {
        const created = await request(app.getHttpServer())
          .post('/v1/payments')
          .set('Host', hostOf(tenant))
          .set('Authorization', `Bearer ${login.body.accessToken}`)
          .send(payment)
          .expect(201);
        into.add(created.body.id);
      }
    }

    beforeAll(async () => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      app = await createApiApplication(
        testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url, BASE_DOMAIN }),
      );
      await app.listen(0, '127.0.0.1');
      port = (app.getHttpServer().address() as AddressInfo).port;

      tenantA = await seedTenant(app, Tier.Starter);
      tenantB = await seedTenant(app, Tier.Starter);
      await app.get(TenantContextService).runAsPlatform('test setup', async () => {
        await app.get(TenantAdminService).updateBranding(tenantA.id, BRAND_A);
        await app.get(TenantAdminService).updateBranding(tenantB.id, BRAND_B);
      });
      for (const tenant of [tenantA, tenantB]) {
        await seedUser(app, tenant, emailOf(tenant, 'ADMIN'), TenantUserRole.Admin);
        await seedUser(app, tenant, emailOf(tenant, 'VIEWER'), TenantUserRole.Viewer);
      }
      await seedPayments(tenantA, idsOf.a);
      await seedPayments(tenantB, idsOf.b);

      browser = await launchHeadlessChromium(BASE_DOMAIN);
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
      await app?.close();
    });
    beforeEach(() => {
      problems = [];
      failedResponses = [];
    });
    afterEach(() => {
      // The page must run under its strict CSP without a single refusal, and without script errors.
      expect(problems).toEqual([]);
    });

    describe('signed in as an ADMIN of tenant A', () => {
      let context: BrowserContext;
      let page: Page;

      beforeAll(async () => {
        context = await browser.newContext();
      });
      afterAll(async () => {
        await context?.close();
      });

      it("shows tenant A's brand on A's host before anyone signs in", async () => {
        page = await openPortal(context, hostOf(tenantA));
        await page.locator('#sign-in').waitFor();
        expect(await page.locator('#brand-name').textContent()).toBe('First Community Bank');
        expect(await page.title()).toBe('First Community Bank · Payments');
        expect(await brandColor(page)).toBe('rgb(31, 111, 235)');
        expect(await page.locator('#support-email').getAttribute('href')).toBe('mailto:help@first.example');
        expect(await page.locator('#workspace').isHidden()).toBe(true);
        expect(failedResponses).toEqual([]);
        await shot(page, 'tenant-a-sign-in');
      });

      it("lists only tenant A's payments, ten to a page, after signing in", async () => {
        await signIn(page, emailOf(tenantA, 'ADMIN'));
        await waitForRows(page, 10);
        expect(await page.locator('#session-user').textContent()).toBe(
          `${emailOf(tenantA, 'ADMIN')} (ADMIN)`,
        );
        const ids = await rowIds(page);
        expect(ids.filter((id) => !idsOf.a.has(id))).toEqual([]);
        expect(ids.filter((id) => idsOf.b.has(id))).toEqual([]);
        expect(await page.locator('#previous-page').isDisabled()).toBe(true);
        expect(await page.locator('#next-page').isEnabled()).toBe(true);
        expect(failedResponses).toEqual([]);
        await shot(page, 'tenant-a-admin');
      });

      it('pages forward to the rest and back again', async () => {
        const firstPage = await rowIds(page);
        await page.locator('#next-page').click();
        await waitForRows(page, 2);
        const secondPage = await rowIds(page);
        expect(new Set([...firstPage, ...secondPage])).toEqual(idsOf.a);
        expect(await page.locator('#next-page').isDisabled()).toBe(true);
        await page.locator('#previous-page').click();
        await waitForRows(page, 10);
        expect(await rowIds(page)).toEqual(firstPage);
        expect(await page.locator('#previous-page').isDisabled()).toBe(true);
      });

      it('filters by currency, and clearing the filter lists everything again', async () => {
        await page.locator('#filters input[name=currency]').fill('usd');
        await page.locator('#filters button[type=submit]').click();
        await waitForRows(page, 4);
        const amounts = await page.locator('#payment-rows td.number').allTextContents();
        expect(amounts).toEqual(['12.75 USD', '12.50 USD', '12.25 USD', '12.00 USD']);
        expect(await page.locator('#next-page').isDisabled()).toBe(true);
        await shot(page, 'tenant-a-filtered');
        await page.locator('#filters button[type=reset]').click();
        await waitForRows(page, 10);
      });

      it("shows this month's usage against the tier's limit", async () => {
        expect(await page.locator('dd[data-metric=Transactions]').textContent()).toMatch(/^12 of 1,000 \(/);
        expect(await page.locator('#usage-progress').isVisible()).toBe(true);
      });

      it('creates a payment with the amount in major units, then lists and counts it', async () => {
        const form = page.locator('#create-payment-form');
        await form.locator('input[name=amount]').fill('42.50');
        await form.locator('input[name=currency]').fill('EUR');
        await form.locator('select[name=method]').selectOption('wallet');
        await form.locator('input[name=reference]').fill('PORTAL-001');
        await form.locator('button[type=submit]').click();
        await page.locator('#create-status', { hasText: 'Payment PORTAL-001 created' }).waitFor();
        await page.locator('#payment-rows tr').first().filter({ hasText: 'PORTAL-001' }).waitFor();
        expect(await page.locator('#payment-rows tr').first().locator('td.number').textContent()).toBe(
          '42.50 EUR',
        );
        await page.locator('dd[data-metric=Transactions]', { hasText: /^13 of 1,000/ }).waitFor();
        await shot(page, 'tenant-a-created');
      });

      it("shows the API's error (message, code, request id) when a create is refused", async () => {
        const form = page.locator('#create-payment-form');
        await form.locator('input[name=amount]').fill('1.00');
        await form.locator('input[name=reference]').fill('PORTAL-001');
        await form.locator('button[type=submit]').click();
        const error = page.locator('#create-error');
        await error.waitFor();
        expect(await error.getAttribute('data-code')).toBe('conflict');
        expect(await error.textContent()).toMatch(/Code: conflict · Request id: \S+/);
        expect(await page.locator('#payment-rows tr', { hasText: 'PORTAL-001' }).count()).toBe(1);
      });

      it('keeps the access token in sessionStorage, only the refresh token in an HttpOnly cookie, and forgets both on sign-out', async () => {
        expect(await context.cookies()).toEqual([
          expect.objectContaining({
            name: 'tp_refresh',
            httpOnly: true,
            sameSite: 'Strict',
            path: '/v1/auth',
          }),
        ]);
        expect(await page.evaluate<number>('sessionStorage.length')).toBe(1);
        await page.locator('#sign-out').click();
        await page.locator('#sign-in').waitFor();
        expect(await page.evaluate<number>('sessionStorage.length')).toBe(0);
        expect(await context.cookies()).toEqual([]);
        expect(await page.locator('#workspace').isHidden()).toBe(true);
      });
    });

    it("shows tenant B's brand on B's host, and refuses tenant A's credentials there", async () => {
      const context = await browser.newContext();
      try {
        const page = await openPortal(context, hostOf(tenantB));
        await page.locator('#sign-in').waitFor();
        expect(await page.locator('#brand-name').textContent()).toBe('Growth <i>Savings</i>');
        expect(await page.locator('#brand-name i').count()).toBe(0);
        expect(await brandColor(page)).toBe('rgb(45, 164, 78)');
        const cardColors = await page.evaluate<string[]>(
          `(() => { const card = getComputedStyle(document.querySelector('#sign-in')); return [card.backgroundColor, card.color]; })()`,
        );
        expect(cardColors).toEqual(['rgb(255, 230, 0)', 'rgb(0, 0, 0)']);
        await signIn(page, emailOf(tenantA, 'ADMIN'));
        const error = page.locator('#sign-in-error');
        await error.waitFor();
        expect(await error.getAttribute('data-code')).toBe('unauthorized');
        expect(await page.locator('#workspace').isHidden()).toBe(true);
        expect(await page.evaluate<number>('sessionStorage.length')).toBe(0);
        await shot(page, 'tenant-b-refuses-a');
      } finally {
        await context.close();
      }
    });

    it("shows a VIEWER no create form, and the API refuses a create with that session's token anyway", async () => {
      const context = await browser.newContext();
      try {
        const page = await openPortal(context, hostOf(tenantA));
        await signIn(page, emailOf(tenantA, 'VIEWER'));
        await waitForRows(page, 10);
        expect(await page.locator('#create-payment').isHidden()).toBe(true);
        const token = await page.evaluate<string | null>(`sessionStorage.getItem(sessionStorage.key(0))`);
        expectApiError(
          await request(app.getHttpServer())
            .post('/v1/payments')
            .set('Host', hostOf(tenantA))
            .set('Authorization', `Bearer ${token}`)
            .send({ amount: 100, currency: 'EUR', method: 'card', reference: 'VIEWER-1' }),
          403,
          'forbidden',
        );
        await shot(page, 'tenant-a-viewer');
      } finally {
        await context.close();
      }
    });

    it('says there is no portal on a host that names no tenant', async () => {
      const context = await browser.newContext();
      try {
        const page = await openPortal(context, `nobody.${BASE_DOMAIN}`);
        const error = page.locator('#page-error');
        await error.waitFor();
        expect(await error.getAttribute('data-code')).toBe('tenant_not_found');
        expect(await page.locator('#sign-in').isHidden()).toBe(true);
      } finally {
        await context.close();
      }
    });

    it('serves the page and its files under a CSP without inline script or style; unknown files are 404s', async () => {
      const page = await request(app.getHttpServer()).get('/').set('Host', hostOf(tenantA)).expect(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      const csp = String(page.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      const script = await request(app.getHttpServer()).get('/portal/portal.js').expect(200);
      expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expectApiError(await request(app.getHttpServer()).get('/portal/missing.js'), 404, 'not_found');
      expectApiError(
        await request(app.getHttpServer()).get('/portal/..%2Fportal.controller.ts'),
        404,
        'not_found',
      );
    });
  });
});
