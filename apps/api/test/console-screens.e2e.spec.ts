import { TenantUserRole } from '@tenantpay/identity';
import { type TenantSnapshot, Tier } from '@tenantpay/tenancy';
import { WebhookEventPublisher, WebhookEventType } from '@tenantpay/webhooks';
import { eventually, useTestMongo, useTestRedis } from '@tenantpay/testing';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { expectApiError, PASSWORD, seedTenant, seedUser } from './identity-test-app';
import { inTenant } from './webhooks-test-app';
import { useConsoleBrowser } from './support/console-browser';
import { signIn } from './support/console-sign-in';

const BASE_DOMAIN = 'tenantpay.test';
const SCREENSHOTS = path.resolve(__dirname, '../../../test-results/console-screens');

// A browser drives the console: each step waits on rendering and several API calls.
jest.setTimeout(60_000);

/**
 * The console's administration screens (issue 18): users and invitations, API keys, webhooks, branding and
 * domains, audit, usage export and the account, each driven through its main flow in Chromium, each checked
 * with axe-core (no serious or critical violation) and gated by role and tier.
 */
describe('staff console administration screens (issue 18)', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();

  // Nested so that the app (and its BullMQ queues) closes before the outer afterAll stops Redis.
  describe('in Chromium', () => {
    const chromium = useConsoleBrowser({
      baseDomain: BASE_DOMAIN,
      config: () => ({
        MONGODB_URI: mongo.uri,
        REDIS_URL: redis.url,
        BASE_DOMAIN,
        // The webhook endpoint the screen adds: no DNS on a test machine, so an allow-listed host.
        WEBHOOK_ALLOWED_HOSTS: 'localhost',
        WEBHOOK_SECRET_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      }),
    });
    let enterprise: TenantSnapshot;
    let starter: TenantSnapshot;

    const hostOf = (tenant: TenantSnapshot) => `${tenant.slug}.${BASE_DOMAIN}`;
    const emailOf = (tenant: TenantSnapshot, role: string) => `${role.toLowerCase()}@${tenant.slug}.example`;

    async function signedIn(context: BrowserContext, tenant: TenantSnapshot, role: string): Promise<Page> {
      const page = await chromium.newPage(context);
      await page.goto(`http://${hostOf(tenant)}:${chromium.port}/`);
      await signIn(page, emailOf(tenant, role));
      await page.locator('nav.side-nav').waitFor();
      return page;
    }
    /** Opens a screen by its hash route and waits for its heading. */
    async function open(page: Page, route: string, heading: string): Promise<void> {
      await page.evaluate(`window.location.hash = ${JSON.stringify(`#${route}`)}`);
      await page.locator('main h1', { hasText: heading }).waitFor();
    }
    const seriousAccessibilityViolations = (page: Page) => chromium.seriousAccessibilityViolations(page);
    const shot = (page: Page, name: string) =>
      page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
    const colorsOf = (page: Page, selector: string) =>
      page.evaluate<[string, string]>(
        `(() => { const style = getComputedStyle(document.querySelector(${JSON.stringify(selector)})); return [style.backgroundColor, style.color]; })()`,
      );
    const asAdmin = async (tenant: TenantSnapshot) => {
      const login = await request(chromium.app.getHttpServer())
        .post('/v1/auth/login')
        .set('Host', hostOf(tenant))
        .send({ email: emailOf(tenant, 'ADMIN'), password: PASSWORD })
        .expect(200);
      return (call: request.Test) =>
        call.set('Host', hostOf(tenant)).set('Authorization', `Bearer ${login.body.accessToken}`);
    };

    beforeAll(async () => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const { app } = chromium;
      enterprise = await seedTenant(app, Tier.Enterprise);
      starter = await seedTenant(app, Tier.Starter);
      for (const tenant of [enterprise, starter]) {
        await seedUser(app, tenant, emailOf(tenant, 'ADMIN'), TenantUserRole.Admin);
        await seedUser(app, tenant, emailOf(tenant, 'OPERATOR'), TenantUserRole.Operator);
        await seedUser(app, tenant, emailOf(tenant, 'VIEWER'), TenantUserRole.Viewer);
      }
    }, 120_000);

    describe('an ADMIN of an ENTERPRISE tenant', () => {
      let context: BrowserContext;
      let page: Page;
      beforeAll(async () => {
        context = await chromium.browser.newContext({ acceptDownloads: true });
        page = await signedIn(context, enterprise, 'ADMIN');
      });
      afterAll(async () => {
        await context?.close();
      });

      it('creates an API key whose secret is shown once, rotates it and revokes it', async () => {
        await open(page, '/api-keys', 'API keys');
        await page.locator('input[name=name]').fill('Ledger sync');
        await page.locator('input[value="payments:write"]').check();
        await page.locator('button', { hasText: 'Create key' }).click();
        const secret = await page.locator('.secret-once .secret-value').textContent();
        expect(secret).toMatch(/^tp_/);
        const row = page.locator('.data-table tbody tr', { hasText: 'Ledger sync' });
        await row.waitFor();
        expect(await row.textContent()).toContain('payments:read, payments:write');
        expect(await seriousAccessibilityViolations(page)).toEqual([]);
        await shot(page, 'api-keys-secret-once');
        await page.locator('button', { hasText: 'I have stored it' }).click();
        expect(await page.locator('.secret-once').count()).toBe(0);

        await row.locator('button', { hasText: 'Rotate' }).click();
        const rotated = await page.locator('.secret-once .secret-value').textContent();
        expect(rotated).toMatch(/^tp_/);
        expect(rotated).not.toBe(secret);
        await page.locator('button', { hasText: 'I have stored it' }).click();

        page.once('dialog', (dialog) => void dialog.accept());
        await page
          .locator('.data-table tbody tr', { hasText: 'active' })
          .locator('button', { hasText: 'Revoke' })
          .click();
        await page.locator('.data-table tbody tr', { hasText: 'revoked' }).waitFor();
      });

      it('invites a user and changes a role, which the API then holds', async () => {
        await open(page, '/users', 'Users');
        await page.locator('input[name=email]').fill(`new-operator@${enterprise.slug}.example`);
        await page.locator('select[name=role]').selectOption('OPERATOR');
        await page.locator('button', { hasText: 'Send invitation' }).click();
        await page
          .locator('table', { hasText: 'Pending invitations' })
          .locator('tr', { hasText: 'new-operator@' })
          .waitFor();

        const role = page.getByLabel(`Role of ${emailOf(enterprise, 'OPERATOR')}`);
        await role.selectOption('VIEWER');
        const admin = await asAdmin(enterprise);
        await eventually('the role change to reach the API', async () => {
          const users = await admin(request(chromium.app.getHttpServer()).get('/v1/users')).expect(200);
          const operator = (users.body.data as { email: string; role: string }[]).find(
            (user) => user.email === emailOf(enterprise, 'OPERATOR'),
          );
          return operator?.role === 'VIEWER';
        });
        expect(
          await page
            .locator('table', { hasText: 'Staff' })
            .locator('tr', { hasText: emailOf(enterprise, 'ADMIN') })
            .textContent(),
        ).toContain('(you)');
        expect(await seriousAccessibilityViolations(page)).toEqual([]);
      });

      it("shows who failed logins locked and until when, unlocks them, ends a user's sessions, deactivates and reactivates", async () => {
        const email = `locked@${enterprise.slug}.example`;
        const userId = await seedUser(chromium.app, enterprise, email, TenantUserRole.Viewer);
        const login = (password: string) =>
          request(chromium.app.getHttpServer())
            .post('/v1/auth/login')
            .set('Host', hostOf(enterprise))
            .send({ email, password });
        const admin = await asAdmin(enterprise);
        const lockedUntil = async () =>
          (await admin(request(chromium.app.getHttpServer()).get(`/v1/users/${userId}`)).expect(200)).body
            .lockedUntil as string | null;
        // Five failures lock the account. On a loaded machine an attempt may miss the login limiter's Redis
        // budget and be counted by the per-process fallback instead, so fail until the API reports the lock.
        for (let attempt = 0; attempt < 10 && (attempt < 5 || (await lockedUntil()) === null); attempt += 1)
          await login('not the password').expect((response) => expect([401, 429]).toContain(response.status));
        const until = await lockedUntil();
        if (until === null) throw new Error('ten failed logins did not lock the account');

        // Away and back: the screen is still open from the test before, listing the staff of before the seed.
        await open(page, '/account', 'Account');
        await open(page, '/users', 'Users');
        const staff = page.locator('table', { hasText: 'Staff' });
        const row = staff.locator('tr', { hasText: email });
        // The lock's end in the tenant's locale (en-GB until its branding names another, whatever the browser's)
        // and in UTC, as the console states; Unlock offered on that row only.
        const shownUntil = new Intl.DateTimeFormat('en-GB', {
          year: 'numeric',
          month: 'short',
          day: 'numeric',
          hour: 'numeric',
          minute: '2-digit',
          timeZone: 'UTC',
          timeZoneName: 'short',
        }).format(new Date(until));
        expect(await page.locator('#display-conventions').textContent()).toBe(
          'Dates and amounts in en-GB; times and days in UTC.',
        );
        await row.locator('.lock-badge', { hasText: `Locked until ${shownUntil}` }).waitFor();
        expect(await staff.locator('button', { hasText: 'Unlock sign-in' }).count()).toBe(1);
        expect(await seriousAccessibilityViolations(page)).toEqual([]);
        await row.locator('button', { hasText: 'Unlock sign-in' }).click();
        await page.locator('#user-action-outcome', { hasText: `${email} can sign in again` }).waitFor();
        await row.locator('button', { hasText: 'Unlock sign-in' }).waitFor({ state: 'detached' });
        expect(await row.locator('.lock-badge').count()).toBe(0);
        expect(await mongo.db.collection('audit_events').countDocuments({ action: 'user.unlocked' })).toBe(1);
        const session = await login(PASSWORD).expect(200);

        await row.locator('button', { hasText: 'End sessions' }).click();
        await page
          .locator('#user-action-outcome', { hasText: `${email} was signed out of one session.` })
          .waitFor();
        expectApiError(
          await request(chromium.app.getHttpServer())
            .get('/v1/auth/me')
            .set('Authorization', `Bearer ${session.body.accessToken as string}`),
          401,
          'unauthorized',
        );
        expect(await seriousAccessibilityViolations(page)).toEqual([]);

        await row.locator('button', { hasText: 'Deactivate' }).click();
        await row.locator('td', { hasText: 'Deactivated' }).waitFor();
        // A deactivated user has nothing to unlock and no session to end.
        expect(await row.locator('button', { hasText: 'End sessions' }).count()).toBe(0);
        await row.locator('button', { hasText: 'Reactivate' }).click();
        await row.locator('td', { hasText: /^Active$/ }).waitFor();
        await login(PASSWORD).expect(200);
      });

      it('adds a webhook endpoint with its secret shown once, opens its delivery log and replays a delivery', async () => {
        await open(page, '/webhooks', 'Webhooks');
        await page.locator('input[name=url]').fill('http://localhost/tenantpay-hooks');
        await page.locator('button', { hasText: 'Add endpoint' }).click();
        await page.locator('.secret-once, .error-state').first().waitFor();
        expect(await page.locator('.error-state').allTextContents()).toEqual([]);
        expect(await page.locator('.secret-once .secret-value').textContent()).toMatch(/^whsec_/);
        await page.locator('button', { hasText: 'I have stored it' }).click();
        // An event for the endpoint, as the worker publishes one when a payment completes.
        await inTenant(chromium.app, enterprise, () =>
          chromium.app.get(WebhookEventPublisher).publish({
            type: WebhookEventType.PaymentCompleted,
            data: { id: 'pay_console_screens' },
          }),
        );

        const row = page.locator('.data-table tbody tr', { hasText: 'localhost/tenantpay-hooks' });
        await row.focus();
        await page.keyboard.press('Enter');
        const deliveries = page.locator('#deliveries-title ~ .data-table tbody tr');
        await deliveries.first().waitFor();
        expect(await deliveries.count()).toBe(1);
        expect(await deliveries.first().textContent()).toContain('payment.completed');
        expect(await seriousAccessibilityViolations(page)).toEqual([]);
        await deliveries.first().locator('button', { hasText: 'Replay' }).click();
        await eventually('the replay to be listed', async () => (await deliveries.count()) === 2);
      });

      it('previews a bright colour with readable text, saves it with a contrast warning, and lists a domain to verify', async () => {
        await open(page, '/branding', 'Branding');
        await page.locator('input[name=primaryColor]').fill('#ffe600');
        await page.locator('input[name=locale]').fill('de-de');
        expect(await colorsOf(page, '.preview-bar')).toEqual(['rgb(255, 230, 0)', 'rgb(0, 0, 0)']);
        await page.locator('.warning', { hasText: 'against the white page' }).first().waitFor();
        await page.locator('button', { hasText: 'Save branding' }).click();
        await page.locator('[role=status] .warning', { hasText: 'against the white page' }).waitFor();
        expect(await colorsOf(page, '.brand-bar')).toEqual(['rgb(255, 230, 0)', 'rgb(0, 0, 0)']);
        const saved = await request(chromium.app.getHttpServer())
          .get('/v1/branding')
          .set('Host', hostOf(enterprise));
        expect(saved.body.locale).toBe('de-DE');

        await page.locator('input[name=hostname]').fill(`pay.${enterprise.slug}.example`);
        await page.locator('button', { hasText: 'Add domain' }).click();
        const domain = page.locator('.domain-list li', { hasText: `pay.${enterprise.slug}.example` });
        await domain.waitFor();
        expect(await domain.textContent()).toContain('waiting for verification');
        expect(await domain.textContent()).toContain('TXT');
        expect(await seriousAccessibilityViolations(page)).toEqual([]);
        await shot(page, 'branding-preview');
      });

      it('searches the audit log by action', async () => {
        await open(page, '/audit', 'Audit log');
        await page.locator('input[name=action]').fill('api_key.created');
        await page.locator('button', { hasText: 'Search' }).click();
        const rows = page.locator('.data-table tbody tr');
        // The unfiltered rows the screen opened with stay until the search's answer replaces them.
        await eventually('the search to answer', async () => {
          const texts = await rows.allTextContents();
          return texts.length > 0 && texts.every((text) => text.includes('api_key.created'));
        });
        expect(await rows.allTextContents()).toEqual([expect.stringContaining('api_key.created')]);
        expect(await seriousAccessibilityViolations(page)).toEqual([]);
      });

      it('lists usage by month and downloads it as CSV', async () => {
        await open(page, '/usage', 'Usage and billing');
        await page.locator('.data-table tbody tr').first().waitFor();
        expect(await page.locator('.data-table tbody tr').count()).toBe(6);
        // The months in the locale the branding test before set (de-DE), not the browser's.
        const thisMonth = new Intl.DateTimeFormat('de-DE', {
          month: 'long',
          year: 'numeric',
          timeZone: 'UTC',
        });
        expect(await page.locator('.data-table tbody tr').first().locator('td').first().textContent()).toBe(
          thisMonth.format(new Date()),
        );
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.locator('button', { hasText: 'Download CSV' }).click(),
        ]);
        const file = readFileSync(await download.path(), 'utf8');
        expect(file.split('\r\n')[0]).toBe(
          'period,transactions,transaction_limit,api_calls,storage_bytes,bandwidth_bytes',
        );
        expect(file.trim().split('\r\n')).toHaveLength(7);
        expect(await seriousAccessibilityViolations(page)).toEqual([]);
      });

      it("shows the account's sessions, refuses a wrong current password and starts MFA enrolment", async () => {
        await open(page, '/account', 'Account');
        await page.locator('tr', { hasText: 'This session' }).waitFor();
        await page.locator('input[name=currentPassword]').fill('not the password');
        await page.locator('input[name=newPassword]').fill('another correct horse battery');
        await page.locator('button', { hasText: 'Change password' }).click();
        await page.locator('#password-title ~ .error-state').waitFor();
        await page.locator('button', { hasText: 'Set up an authenticator app' }).click();
        expect(await page.locator('.secret-value').textContent()).toMatch(/^[A-Z2-7]{16,}$/);
        expect(await seriousAccessibilityViolations(page)).toEqual([]);
      });
    });

    it('marks API keys and branding as outside a STARTER tier, and keeps admin screens from a VIEWER', async () => {
      const context = await chromium.browser.newContext();
      try {
        const admin = await signedIn(context, starter, 'ADMIN');
        for (const [route, title, says] of [
          ['/api-keys', 'API keys', 'API keys for integrations are part of the Enterprise plan.'],
          [
            '/branding',
            'Branding',
            'Your own name, colours, logo and domains are part of the Enterprise plan.',
          ],
        ] as const) {
          expect(await admin.locator('.side-nav a', { hasText: title }).locator('.tier-badge').count()).toBe(
            1,
          );
          await open(admin, route, title);
          expect(await admin.locator('main').textContent()).toContain(says);
        }
        expect(await seriousAccessibilityViolations(admin)).toEqual([]);
      } finally {
        await context.close();
      }
      // A context of its own: the admin's refresh cookie would sign the page straight back in.
      const viewerContext = await chromium.browser.newContext();
      try {
        const viewer = await signedIn(viewerContext, starter, 'VIEWER');
        expect(await viewer.locator('.side-nav a', { hasText: 'Users' }).count()).toBe(0);
        expect(await viewer.locator('.side-nav a', { hasText: 'Usage and billing' }).count()).toBe(1);
        await open(viewer, '/users', 'Users');
        expect(await viewer.locator('main').textContent()).toContain(
          'Your role (Viewer) cannot open this page.',
        );
      } finally {
        await context.close();
      }
    });

    describe("email links open the console's pages on the tenant's host", () => {
      const NEW_PASSWORD = 'seven amber kites drifting';
      /**
       * The link of the newest email to `to`, as written to the outbox (no worker sends mail here). A reset
       * request answers before its email is written (the same time for unknown addresses), so it is awaited.
       */
      async function linkInMailTo(to: string, route: string): Promise<URL> {
        let found: string | undefined;
        await eventually(`an email with a link to ${to}`, async () => {
          const mail = await mongo.db
            .collection('mail_outbox')
            .find({ to })
            .sort({ _id: -1 })
            .limit(1)
            .next();
          found = /https?:\/\/\S+/.exec(String(mail?.['text'] ?? ''))?.[0];
          return found !== undefined && found.endsWith(`#${route}`);
        });
        const url = new URL(found ?? '');
        expect(url.hash).toBe(`#${route}`);
        // The email names the production scheme and no port: the test server's.
        url.protocol = 'http:';
        url.port = String(chromium.port);
        return url;
      }

      it('accepts an invitation: a password, then the console opens signed in, the token gone from the address', async () => {
        const email = `invitee@${enterprise.slug}.example`;
        const admin = await asAdmin(enterprise);
        await admin(request(chromium.app.getHttpServer()).post('/v1/invitations'))
          .send({ email, role: 'OPERATOR' })
          .expect(201);
        const link = await linkInMailTo(email, '/accept-invitation');
        expect(link.searchParams.get('token')).toEqual(expect.any(String));

        const context = await chromium.browser.newContext();
        try {
          const page = await chromium.newPage(context);
          await page.goto(link.toString());
          await page.locator('main h1', { hasText: 'Join' }).waitFor();
          expect(await page.evaluate<string>('window.location.search')).toBe('');
          expect(await chromium.seriousAccessibilityViolations(page)).toEqual([]);
          await page.locator('#accept-form input[name=name]').fill('Ines Invitee');
          await page.locator('#accept-form input[name=password]').fill(NEW_PASSWORD);
          await page.locator('#accept-form button[type=submit]').click();
          await page.locator('#session-user', { hasText: `${email} (Operator, Enterprise plan)` }).waitFor();

          // The link is spent: a second use says so and signs nobody in.
          const again = await chromium.newPage(await chromium.browser.newContext());
          await again.goto(link.toString());
          await again.locator('#accept-form input[name=password]').fill(NEW_PASSWORD);
          await again.locator('#accept-form button[type=submit]').click();
          await again.locator('#accept-error').waitFor();
          await again.context().close();
        } finally {
          await context.close();
        }
      });

      it('resets a forgotten password from the sign-in page through the emailed link', async () => {
        const email = `forgetful@${enterprise.slug}.example`;
        await seedUser(chromium.app, enterprise, email, TenantUserRole.Viewer);
        const context = await chromium.browser.newContext();
        try {
          const page = await chromium.newPage(context);
          await page.goto(`http://${hostOf(enterprise)}:${chromium.port}/`);
          await page.locator('a', { hasText: 'Forgot your password?' }).click();
          await page.locator('#reset-request-form input[name=email]').fill(email);
          await page.locator('#reset-request-form button[type=submit]').click();
          await page.locator('#reset-message', { hasText: 'If an account exists' }).waitFor();

          const link = await linkInMailTo(email, '/reset-password');
          await page.goto(link.toString());
          await page.locator('#reset-confirm-form input[name=password]').fill(NEW_PASSWORD);
          await page.locator('#reset-confirm-form button[type=submit]').click();
          await page.locator('#reset-message', { hasText: 'Your password was changed' }).waitFor();
          expect(await chromium.seriousAccessibilityViolations(page)).toEqual([]);
          await request(chromium.app.getHttpServer())
            .post('/v1/auth/login')
            .set('Host', hostOf(enterprise))
            .send({ email, password: NEW_PASSWORD })
            .expect(200);

          // A link from an email sent before the console took the page over lands on the same route.
          await page.goto(`http://${hostOf(enterprise)}:${chromium.port}/portal/reset-password.html`);
          await page.locator('#reset-request-form').waitFor();
          expect(new URL(page.url()).hash).toBe('#/reset-password');
        } finally {
          await context.close();
        }
      });
    });
  });
});
