import { TenantUserRole } from '@tenantpay/identity';
import {
  TenantAdminService,
  type TenantBranding,
  TenantContextService,
  type TenantSnapshot,
  Tier,
} from '@tenantpay/tenancy';
import { useTestMongo, useTestRedis } from '@tenantpay/testing';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { expectApiError, PASSWORD, seedTenant, seedUser } from './identity-test-app';
import { startInlineBatchWorker } from './payments-test-app';
import { useConsoleBrowser } from './support/console-browser';
import { signIn } from './support/console-sign-in';

const BASE_DOMAIN = 'tenantpay.test';
const SCREENSHOTS = path.resolve(__dirname, '../../../test-results/console');
const BRAND_A: TenantBranding = {
  displayName: 'First Community Bank',
  primaryColor: '#1F6FEB',
  supportEmail: 'help@first.example',
};
// Markup in a brand is text to show, never HTML to run.
const BRAND_B: TenantBranding = { displayName: 'Growth <i>Savings</i>', primaryColor: '#2DA44E' };
// A bright yellow: the console must pick dark text on it (issue 18: "every card yellow with unreadable text").
const BRAND_C: TenantBranding = {
  displayName: 'Sunny Enterprise Bank',
  primaryColor: '#FFD33D',
  secondaryColor: '#FFF8C5',
};
/** Twelve payments per tenant, the same in both, so a leak cannot hide behind different data. */
const SEEDED = Array.from({ length: 12 }, (_, index) => ({
  reference: `INV-${String(index + 1).padStart(3, '0')}`,
  amount: 1000 + index * 25,
  currency: index < 8 ? 'EUR' : 'USD',
  method: index % 2 === 0 ? 'card' : 'bank_transfer',
}));

// A browser drives the console: each step waits on rendering and several API calls.
jest.setTimeout(60_000);

describe('staff console at the root of a tenant host (issue 18)', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();

  // Nested so that the app (and its BullMQ queues) closes before the outer afterAll stops Redis.
  describe('in Chromium', () => {
    const chromium = useConsoleBrowser({
      baseDomain: BASE_DOMAIN,
      config: () => ({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url, BASE_DOMAIN }),
    });
    let tenantA: TenantSnapshot;
    let tenantB: TenantSnapshot;
    let tenantC: TenantSnapshot;
    const idsOf = { a: new Set<string>(), b: new Set<string>() };

    const hostOf = (tenant: TenantSnapshot) => `${tenant.slug}.${BASE_DOMAIN}`;
    const emailOf = (tenant: TenantSnapshot, role: string) => `${role.toLowerCase()}@${tenant.slug}.example`;

    async function openConsole(context: BrowserContext, host: string, hash = ''): Promise<Page> {
      const page = await chromium.newPage(context);
      await page.goto(`http://${host}:${chromium.port}/${hash}`);
      return page;
    }

    const shot = (page: Page, name: string) =>
      page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
    // Expressions run in the page are strings: this file is type-checked without the DOM's globals.
    const colorsOf = (page: Page, selector: string) =>
      page.evaluate<[string, string]>(
        `(() => { const style = getComputedStyle(document.querySelector(${JSON.stringify(selector)})); return [style.backgroundColor, style.color]; })()`,
      );
    const rowIds = (page: Page) =>
      page
        .locator('#payments tbody tr')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-row-key') ?? ''));
    /** The text of one column (1-based) of the batch screen's rows. */
    const itemCells = (page: Page, column: number) =>
      page.locator(`#batch-items tbody tr td:nth-child(${column})`).allTextContents();
    async function waitForRows(page: Page, count: number): Promise<void> {
      await page.locator('#payments[aria-busy=false]').waitFor();
      expect(await page.locator('#payments tbody tr').count()).toBe(count);
    }
    const seriousAccessibilityViolations = (page: Page) => chromium.seriousAccessibilityViolations(page);

    async function seedPayments(tenant: TenantSnapshot, into: Set<string>): Promise<void> {
      const login = await request(chromium.app.getHttpServer())
        .post('/v1/auth/login')
        .set('Host', hostOf(tenant))
        .send({ email: emailOf(tenant, 'ADMIN'), password: PASSWORD })
        .expect(200);
      for (const payment of SEEDED) {
        const created = await request(chromium.app.getHttpServer())
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
      const { app } = chromium;
      tenantA = await seedTenant(app, Tier.Starter);
      tenantB = await seedTenant(app, Tier.Professional);
      tenantC = await seedTenant(app, Tier.Enterprise);
      await app.get(TenantContextService).runAsPlatform('test setup', async () => {
        await app.get(TenantAdminService).updateBranding(tenantA.id, BRAND_A);
        await app.get(TenantAdminService).updateBranding(tenantB.id, BRAND_B);
        await app.get(TenantAdminService).updateBranding(tenantC.id, BRAND_C);
      });
      for (const tenant of [tenantA, tenantB, tenantC]) {
        await seedUser(app, tenant, emailOf(tenant, 'ADMIN'), TenantUserRole.Admin);
        await seedUser(app, tenant, emailOf(tenant, 'VIEWER'), TenantUserRole.Viewer);
      }
      await seedUser(app, tenantC, emailOf(tenantC, 'SECOND-ADMIN'), TenantUserRole.Admin);
      await seedPayments(tenantA, idsOf.a);
      await seedPayments(tenantB, idsOf.b);
    }, 120_000);

    describe('signed in as an ADMIN of tenant A (STARTER)', () => {
      let context: BrowserContext;
      let page: Page;

      beforeAll(async () => {
        context = await chromium.browser.newContext();
      });
      afterAll(async () => {
        await context?.close();
      });

      it("shows tenant A's brand on A's host before anyone signs in", async () => {
        page = await openConsole(context, hostOf(tenantA));
        await page.locator('#sign-in-form').waitFor();
        expect(await page.locator('#brand-name').textContent()).toBe('First Community Bank');
        expect(await page.title()).toBe('First Community Bank · Payments console');
        expect(await seriousAccessibilityViolations(page)).toEqual([]);
      });

      it("opens the dashboard with this month's usage, and marks approvals as outside the tier", async () => {
        await signIn(page, emailOf(tenantA, 'ADMIN'));
        await page.locator('#usage-title').waitFor();
        expect(await page.locator('#session-user').textContent()).toBe(
          `${emailOf(tenantA, 'ADMIN')} (Admin, Starter plan)`,
        );
        await page.locator('section', { hasText: '12 transactions of 1,000' }).waitFor();
        expect(await colorsOf(page, '.brand-bar')).toEqual(['rgb(31, 111, 235)', 'rgb(255, 255, 255)']);
        expect(await page.locator('#charts-outside-tier-notice').textContent()).toContain(
          'part of the Professional and Enterprise plans',
        );
        const approvals = page.locator('.side-nav a', { hasText: 'Approvals' });
        expect(await approvals.locator('.tier-badge').textContent()).toBe('Not in your plan');
        const bulk = page.locator('.side-nav a', { hasText: 'Bulk payments' });
        expect(await bulk.locator('.tier-badge').textContent()).toBe('Not in your plan');
        expect(await seriousAccessibilityViolations(page)).toEqual([]);
        await shot(page, 'dashboard-first-community-bank');
        await approvals.click();
        await page.locator('#gate-title').waitFor();
        expect(await page.locator('main').textContent()).toContain(
          'Four-eyes approval of payments is part of the Enterprise plan.',
        );
      });

      it("lists only tenant A's payments, ten to a page, and pages forward and back", async () => {
        await page.getByRole('link', { name: 'Payments', exact: true }).click();
        await waitForRows(page, 10);
        const firstPage = await rowIds(page);
        expect(firstPage.filter((id) => !idsOf.a.has(id))).toEqual([]);
        expect(await page.getByRole('button', { name: 'Previous', exact: true }).isDisabled()).toBe(true);
        await page.getByRole('button', { name: 'Next', exact: true }).click();
        await waitForRows(page, 2);
        expect(new Set([...firstPage, ...(await rowIds(page))])).toEqual(idsOf.a);
        expect(await page.getByRole('button', { name: 'Next', exact: true }).isDisabled()).toBe(true);
        await page.getByRole('button', { name: 'Previous', exact: true }).click();
        await waitForRows(page, 10);
        expect(await rowIds(page)).toEqual(firstPage);
        expect(await seriousAccessibilityViolations(page)).toEqual([]);
      });

      it('filters by currency, and clearing the filter lists everything again', async () => {
        await page.locator('#filters input[name=currency]').fill('usd');
        await page.locator('#filters button[type=submit]').click();
        await waitForRows(page, 4);
        expect(await page.locator('#payments td.numeric').allTextContents()).toEqual([
          // In the tenant's locale (en-GB, none set), whatever the browser's: US dollars are "US$".
          'US$12.75',
          'US$12.50',
          'US$12.25',
          'US$12.00',
        ]);
        await page.locator('#filters button[type=reset]').click();
        await waitForRows(page, 10);
      });

      it('creates a payment typed in major units, sent in minor units, and lists it first', async () => {
        const form = page.locator('#create-payment-form');
        await form.locator('input[name=amount]').fill('42.50');
        await form.locator('input[name=currency]').fill('EUR');
        await form.locator('select[name=method]').selectOption('wallet');
        await form.locator('input[name=reference]').fill('CONSOLE-001');
        await form.locator('button[type=submit]').click();
        await page.locator('#create-status', { hasText: 'Payment CONSOLE-001 created.' }).waitFor();
        await page.locator('#payments tbody tr').first().filter({ hasText: 'CONSOLE-001' }).waitFor();
        expect(await page.locator('#payments tbody tr').first().locator('td.numeric').textContent()).toBe(
          '€42.50',
        );
      });

      it('refuses more decimals than the currency has before calling the API', async () => {
        const form = page.locator('#create-payment-form');
        await form.locator('input[name=amount]').fill('1.005');
        await form.locator('input[name=reference]').fill('CONSOLE-002');
        await form.locator('button[type=submit]').click();
        expect(await page.locator('#create-error').textContent()).toContain('EUR has 2 decimal places.');
      });

      it('opens a payment from the keyboard and shows its status history, then cancels it, which its events show', async () => {
        await page.locator('#payments tbody tr').first().focus();
        await page.keyboard.press('Enter');
        await page.locator('h1', { hasText: 'Payment CONSOLE-001' }).waitFor();
        expect(await page.locator('#payment-amount').textContent()).toBe('€42.50');
        expect(
          await page.locator('table', { hasText: 'Status history' }).locator('tbody tr').count(),
        ).toBeGreaterThan(0);
        expect(await page.locator('main').textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
        expect(await seriousAccessibilityViolations(page)).toEqual([]);
        // No worker runs here, so the new payment is still PENDING: cancelable.
        await page.locator('#cancel-payment').click();
        await page.locator('#payment-status', { hasText: 'Canceled' }).waitFor();
        expect(await page.locator('#cancel-payment').count()).toBe(0);
        // The cancellation was announced as a webhook event (no endpoint is subscribed in this tenant); the
        // gateway never saw the payment. The screen reads the events again when the payment changes.
        await page
          .locator('#payment-events[aria-busy=false] table', { hasText: 'Webhook events sent' })
          .locator('tbody tr', { hasText: 'payment.canceled' })
          .filter({ hasText: 'No endpoint subscribed' })
          .waitFor();
        expect(await page.locator('#payment-events').textContent()).toContain(
          'The gateway has sent no event for this payment.',
        );
        expect(await seriousAccessibilityViolations(page)).toEqual([]);
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
        await page.locator('#sign-in-form').waitFor();
        expect(await page.evaluate<number>('sessionStorage.length')).toBe(0);
        expect(await context.cookies()).toEqual([]);
      });
    });

    it("shows tenant B's brand on B's host as text, and refuses tenant A's credentials there", async () => {
      const context = await chromium.browser.newContext();
      try {
        const page = await openConsole(context, hostOf(tenantB));
        await page.locator('#sign-in-form').waitFor();
        expect(await page.locator('#brand-name').textContent()).toBe('Growth <i>Savings</i>');
        expect(await page.locator('#brand-name i').count()).toBe(0);
        await signIn(page, emailOf(tenantA, 'ADMIN'));
        const error = page.locator('#sign-in-error');
        await error.waitFor();
        expect(await error.getAttribute('data-code')).toBe('unauthorized');
        expect(await page.evaluate<number>('sessionStorage.length')).toBe(0);
        await signIn(page, emailOf(tenantB, 'ADMIN'));
        await page.locator('section', { hasText: '12 transactions of 50,000' }).waitFor();
        // PROFESSIONAL has analytics: this month's charts, drawn on canvases described in words.
        await page.locator('#payment-charts canvas').first().waitFor();
        expect(await page.locator('#payment-charts [role=img]').first().getAttribute('aria-label')).toBe(
          '12 payments this month: Pending 12.',
        );
        expect(await seriousAccessibilityViolations(page)).toEqual([]);
        await shot(page, 'dashboard-growth-savings');
      } finally {
        await context.close();
      }
    });

    it('uploads a bulk CSV at PROFESSIONAL: rejected rows listed at once; the batch screen follows the progress live and links each payment', async () => {
      const context = await chromium.browser.newContext();
      try {
        const page = await openConsole(context, hostOf(tenantB), '#/bulk');
        await signIn(page, emailOf(tenantB, 'ADMIN'));
        await page.locator('#bulk-upload-form input[name=file]').setInputFiles({
          name: 'december.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(
            'amount,currency,reference,method\n1050,EUR,BULK-1,card\n12.50,EUR,BULK-2,card\n990,EUR,BULK-3,wallet\n',
          ),
        });
        await page.locator('#bulk-upload-form button[type=submit]').click();
        await page.locator('#bulk-result-title', { hasText: '2 of 3 rows accepted' }).waitFor();
        // Only the second row (12.50 is not an integer of minor units) is rejected, with each of its problems.
        const rejectedRows = await page.locator('#bulk-result tbody tr td:first-child').allTextContents();
        expect(rejectedRows.length).toBeGreaterThan(0);
        expect(new Set(rejectedRows)).toEqual(new Set(['2']));
        await page.locator('#batches[aria-busy=false] tbody tr').first().waitFor();
        expect(await page.locator('#batches tbody tr').count()).toBe(1);
        expect(await seriousAccessibilityViolations(page)).toEqual([]);

        // The batch's own screen, from the keyboard: no worker runs yet, so nothing is processed.
        await page.locator('#batches tbody tr').first().focus();
        await page.keyboard.press('Enter');
        await page.locator('#batch-status', { hasText: 'Pending' }).waitFor();
        expect(await page.locator('#batch-counts').textContent()).toBe(
          '3 in the file: 0 created, 1 rejected, 0 failed',
        );
        await page.locator('#batch-items[aria-busy=false]').waitFor();
        expect(await itemCells(page, 1)).toEqual(['1', '2', '3']);
        expect(await itemCells(page, 5)).toEqual(['', expect.stringContaining('amount'), '']);
        expect(await seriousAccessibilityViolations(page)).toEqual([]);

        // The worker starts: the open screen follows the progress by itself, to the end.
        const batchWorker = startInlineBatchWorker(chromium.app);
        try {
          await page.locator('#batch-counts', { hasText: '2 created' }).waitFor();
        } finally {
          await batchWorker.close();
        }
        await page.locator('#batch-status', { hasText: /^Completed/ }).waitFor();
        expect(await page.locator('#batch-progress').getAttribute('value')).toBe('3');
        await page.locator('#batch-items tbody tr', { hasText: 'BULK-3' }).locator('a').waitFor();
        expect(await itemCells(page, 3)).toEqual(['Created', 'Rejected', 'Created']);

        // Only rows that failed, then a created row's payment.
        await page.locator('select[name=status]').selectOption('rejected');
        // Another filter starts the rows again at their first page.
        await page.locator('#batch-items tbody tr', { hasText: 'BULK-1' }).waitFor({ state: 'detached' });
        await page.locator('#batch-items[aria-busy=false]').waitFor();
        expect(await itemCells(page, 1)).toEqual(['2']);
        await page.locator('select[name=status]').selectOption('');
        await page.locator('#batch-items tbody tr', { hasText: 'BULK-1' }).locator('a').click();
        await page.locator('main h1', { hasText: 'Payment BULK-1' }).waitFor();
      } finally {
        await context.close();
      }
    });

    it('keeps text readable on a bright yellow brand, and shows an ENTERPRISE tenant every screen', async () => {
      const context = await chromium.browser.newContext();
      try {
        const page = await openConsole(context, hostOf(tenantC));
        await signIn(page, emailOf(tenantC, 'ADMIN'));
        await page.locator('#usage-title').waitFor();
        // Black, as the API's onPrimaryColor: black or white always reaches 4.5:1, a near-black may not.
        expect(await colorsOf(page, '.brand-bar')).toEqual(['rgb(255, 211, 61)', 'rgb(0, 0, 0)']);
        expect(await page.locator('.tier-badge').count()).toBe(0);
        expect(await seriousAccessibilityViolations(page)).toEqual([]);
        await shot(page, 'dashboard-sunny-enterprise-bank');
        await page.locator('.side-nav a', { hasText: 'Approvals' }).click();
        await page.locator('.empty-state', { hasText: 'No payments are waiting for approval.' }).waitFor();
      } finally {
        await context.close();
      }
    });

    it('queues a payment over the approval threshold at ENTERPRISE: never its creator, another admin approves it', async () => {
      const login = await request(chromium.app.getHttpServer())
        .post('/v1/auth/login')
        .set('Host', hostOf(tenantC))
        .send({ email: emailOf(tenantC, 'ADMIN'), password: PASSWORD })
        .expect(200);
      const asCreator = (call: request.Test) =>
        call.set('Host', hostOf(tenantC)).set('Authorization', `Bearer ${login.body.accessToken}`);
      await asCreator(request(chromium.app.getHttpServer()).put('/v1/settings/payment-workflow'))
        .send({ amountLimits: [{ currency: 'EUR', approvalThreshold: 100_000 }] })
        .expect(200);
      const held = await asCreator(request(chromium.app.getHttpServer()).post('/v1/payments'))
        .send({ amount: 250_000, currency: 'EUR', method: 'bank_transfer', reference: 'BIG-001' })
        .expect(201);
      expect(held.body.status).toBe('AWAITING_APPROVAL');

      const creatorContext = await chromium.browser.newContext();
      try {
        const page = await openConsole(creatorContext, hostOf(tenantC), '#/approvals');
        await signIn(page, emailOf(tenantC, 'ADMIN'));
        const item = page.locator(`[data-row-key="${held.body.id}"]`);
        await item.waitFor();
        expect(await item.locator('button', { hasText: 'Approve' }).isDisabled()).toBe(true);
        expect(await item.textContent()).toContain(
          'You created this payment: another administrator must approve it.',
        );
        expect(await seriousAccessibilityViolations(page)).toEqual([]);
      } finally {
        await creatorContext.close();
      }

      const approverContext = await chromium.browser.newContext();
      try {
        const page = await openConsole(approverContext, hostOf(tenantC), '#/approvals');
        await signIn(page, emailOf(tenantC, 'SECOND-ADMIN'));
        const item = page.locator(`[data-row-key="${held.body.id}"]`);
        await item.locator('button', { hasText: 'Approve' }).click();
        await page.locator('#approval-status', { hasText: 'BIG-001: approved.' }).waitFor();
        expect(await item.count()).toBe(0);
      } finally {
        await approverContext.close();
      }
      const approved = await asCreator(
        request(chromium.app.getHttpServer()).get(`/v1/payments/${held.body.id}`),
      ).expect(200);
      expect(approved.body.approval).toEqual(expect.objectContaining({ decision: 'approved' }));
    });

    it("shows a VIEWER no create form, and the API refuses a create with that session's token anyway", async () => {
      const context = await chromium.browser.newContext();
      try {
        const page = await openConsole(context, hostOf(tenantA), '#/payments');
        await signIn(page, emailOf(tenantA, 'VIEWER'));
        await waitForRows(page, 10);
        expect(await page.locator('#create-payment-form').count()).toBe(0);
        expect(await page.locator('.side-nav a', { hasText: 'Approvals' }).count()).toBe(0);
        const token = await page.evaluate<string | null>(`sessionStorage.getItem(sessionStorage.key(0))`);
        expectApiError(
          await request(chromium.app.getHttpServer())
            .post('/v1/payments')
            .set('Host', hostOf(tenantA))
            .set('Authorization', `Bearer ${token}`)
            .send({ amount: 100, currency: 'EUR', method: 'card', reference: 'VIEWER-1' }),
          403,
          'forbidden',
        );
      } finally {
        await context.close();
      }
    });

    it('says there is no console on a host that names no tenant', async () => {
      const context = await chromium.browser.newContext();
      try {
        const page = await openConsole(context, `nobody.${BASE_DOMAIN}`);
        await page.locator('.empty-state', { hasText: 'There is no console at this address.' }).waitFor();
        expect(await page.locator('#sign-in-form').count()).toBe(0);
      } finally {
        await context.close();
      }
    });

    it('serves the page and its hashed files under a CSP without inline script or style; unknown files are 404s', async () => {
      const page = await request(chromium.app.getHttpServer())
        .get('/')
        .set('Host', hostOf(tenantA))
        .expect(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers['cache-control']).toBe('no-cache');
      const csp = String(page.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      const scriptPath = /src="(\/assets\/[^"]+\.js)"/.exec(page.text)?.[1] ?? '';
      const script = await request(chromium.app.getHttpServer()).get(scriptPath).expect(200);
      expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expectApiError(await request(chromium.app.getHttpServer()).get('/assets/missing.js'), 404, 'not_found');
      expectApiError(
        await request(chromium.app.getHttpServer()).get('/assets/..%2Findex.html'),
        404,
        'not_found',
      );
      // Old email links of a tenant open the console's routes (platform-pages.e2e covers operators' old links).
      const oldLink = await request(chromium.app.getHttpServer())
        .get('/portal/reset-password.html?token=abc')
        .set('Host', hostOf(tenantA))
        .expect(302);
      expect(oldLink.headers['location']).toBe('/?token=abc#/reset-password');
      // Nothing else of the retired portal is served.
      expectApiError(
        await request(chromium.app.getHttpServer()).get('/portal/portal.css').set('Host', hostOf(tenantA)),
        404,
        'not_found',
      );
    });
  });
});
