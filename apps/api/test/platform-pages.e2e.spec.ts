import type { CapturedMail } from '@tenantpay/platform';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { expectApiError } from './identity-test-app';
import { ensureConsoleBuilt } from './support/built-console';
import { launchHeadlessChromium } from './support/headless-chromium';
import { createBank, linkTokenOf, useOnboardingApp } from './support/onboarding-test-app';

const SCREENSHOTS = path.resolve(__dirname, '../../../test-results/platform-pages');
const OPERATOR_PASSWORD = 'seven amber kites drifting';
const NEW_PASSWORD = 'quiet copper rivers folding';

// A browser drives the pages, and each step waits on an email through the worker and the SMTP sink.
jest.setTimeout(60_000);

describe("email links open the consoles' routes, old portal links redirect there (Chromium)", () => {
  // Before the app starts (it reads the built console at boot).
  beforeAll(() => ensureConsoleBuilt(), 120_000);
  const { sink, onboarding, config } = useOnboardingApp();
  const http = () => request(onboarding().app.getHttpServer());
  const uniqueEmail = (name: string) =>
    `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@ops.test`;
  let port: number;
  let browser: Browser;
  let context: BrowserContext;
  /** CSP refusals and uncaught errors of the pages opened by the current test. */
  let problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await onboarding().app.listen(0, '127.0.0.1');
    port = (onboarding().app.getHttpServer().address() as AddressInfo).port;
    browser = await launchHeadlessChromium(config().tenancy.baseDomain);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    problems = [];
    context = await browser.newContext();
  });
  afterEach(async () => {
    await context.close();
    expect(problems).toEqual([]);
  });

  /** The link as the email has it, on the test server's port (the email names no port). */
  function linkIn(mail: CapturedMail): URL {
    const found = /http:\/\/\S+\?\S+/.exec(mail.text)?.[0];
    if (found === undefined) throw new Error(`no link in the email "${mail.subject}"`);
    const url = new URL(found);
    url.port = String(port);
    return url;
  }

  async function open(url: URL): Promise<Page> {
    const page = await context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(url.toString());
    return page;
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const login = (email: string, password: string) =>
    http().post('/v1/platform/auth/login').send({ email, password });

  /** Invites a new operator; answers the email address and the mail's link (on the test server's port). */
  async function inviteOperator(name: string): Promise<{ email: string; link: URL }> {
    const email = uniqueEmail(name);
    await http()
      .post('/v1/admin/platform-invitations')
      .set(onboarding().superAdmin)
      .send({ email })
      .expect(201);
    return { email, link: linkIn(await sink.waitFor(email, /invited/)) };
  }

  it('an invited operator opens the emailed link on the platform host, sets a password and is signed in', async () => {
    const { email, link } = await inviteOperator('invited');
    expect(link.hostname).toBe(`admin.${config().tenancy.baseDomain}`);
    expect(link.pathname).toBe('/accept-invitation');

    const page = await open(link);
    await page.locator('#brand-name', { hasText: 'Tenantpay platform' }).waitFor();
    // The token leaves the address bar at once.
    expect(new URL(page.url()).search).toBe('');

    await page.locator('#accept-form input[name=password]').fill('password1234');
    await page.locator('#accept-form button[type=submit]').click();
    await page.locator('#accept-error', { hasText: /password/i }).waitFor();

    await page.locator('#accept-form input[name=password]').fill(OPERATOR_PASSWORD);
    await page.locator('#accept-form button[type=submit]').click();
    // The platform console opens, signed in as the new operator.
    await page.locator('#session-user', { hasText: email }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await shot(page, 'operator-invitation-accepted');

    // Signed in: the session's refresh token is in an HttpOnly cookie scoped to the platform's auth routes, and
    // it renews the session from this browser.
    const cookies = await context.cookies(`${link.origin}/v1/platform/auth/refresh`);
    expect(cookies).toEqual([
      expect.objectContaining({ path: '/v1/platform/auth', httpOnly: true, sameSite: 'Strict' }),
    ]);
    const renewed = await page.evaluate<number>(
      `fetch('/v1/platform/auth/refresh', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}', credentials: 'same-origin' }).then((response) => response.status)`,
    );
    expect(renewed).toBe(200);
    await login(email, OPERATOR_PASSWORD).expect(200);
  });

  it('an operator asks for a reset on the platform page, follows the emailed link and sets a new password', async () => {
    const { email, link: invitationLink } = await inviteOperator('forgetful');
    const invitation = invitationLink.searchParams.get('token') ?? '';
    await http()
      .post('/v1/platform/invitations/accept')
      .send({ token: invitation, password: OPERATOR_PASSWORD })
      .expect(200);

    // Where the lockout notice and the sign-in page point: the reset page without a token asks for a link.
    const requestPage = await open(
      new URL(`http://admin.${config().tenancy.baseDomain}:${port}/reset-password`),
    );
    await requestPage.locator('#brand-name', { hasText: 'Tenantpay platform' }).waitFor();
    await requestPage.locator('#request-form input[name=email]').fill(email);
    await requestPage.locator('#request-form button[type=submit]').click();
    await requestPage.locator('#reset-message').waitFor();

    const link = linkIn(await sink.waitFor(email, /Reset/));
    expect(link.pathname).toBe('/reset-password');
    const page = await open(link);
    await page.locator('#confirm-form input[name=password]').fill(NEW_PASSWORD);
    await page.locator('#confirm-form button[type=submit]').click();
    const message = page.locator('#reset-message');
    await message.waitFor();
    expect(await message.textContent()).toBe('Your password was changed. Sign in with it from now on.');
    await shot(page, 'operator-password-reset');

    expectApiError(await login(email, OPERATOR_PASSWORD), 401, 'unauthorized');
    await login(email, NEW_PASSWORD).expect(200);
  });

  it("a bank's reset token on the platform page only fails: the platform route does not know it", async () => {
    const bank = await createBank(onboarding(), config());
    // A reset is mailed to an active account only: the bank's admin accepts the invitation first.
    const invitation = linkTokenOf(await sink.waitFor(bank.adminEmail, /invited/));
    await http()
      .post('/v1/invitations/accept')
      .set('Host', bank.host)
      .send({ token: invitation, password: OPERATOR_PASSWORD })
      .expect(200);
    await http()
      .post('/v1/auth/password-reset')
      .set('Host', bank.host)
      .send({ email: bank.adminEmail })
      .expect(202);
    const reset = linkIn(await sink.waitFor(bank.adminEmail, /Reset/));
    const forged = new URL(`http://admin.${config().tenancy.baseDomain}:${port}/reset-password`);
    forged.search = reset.search;
    const page = await open(forged);
    await page.locator('#confirm-form input[name=password]').fill(NEW_PASSWORD);
    await page.locator('#confirm-form button[type=submit]').click();
    await page.locator('#reset-error').waitFor();
    expectApiError(
      await http()
        .post('/v1/auth/login')
        .set('Host', bank.host)
        .send({ email: bank.adminEmail, password: NEW_PASSWORD }),
      401,
      'unauthorized',
    );
  });

  it("old portal links of both audiences, from emails already sent, redirect to the consoles' routes", async () => {
    const { link } = await inviteOperator('old-link');
    const token = link.searchParams.get('token') ?? '';
    // The old emails linked the bare base domain; the redirect goes to the platform host's route, as new emails do.
    const oldInvitation = await http()
      .get(`/portal/accept-invitation.html?audience=platform&token=${encodeURIComponent(token)}`)
      .set('Host', config().tenancy.baseDomain)
      .expect(302);
    const invitationTarget = new URL(oldInvitation.headers['location'] as string);
    invitationTarget.port = String(port);
    expect(invitationTarget.toString()).toBe(link.toString());
    expect(oldInvitation.headers['cache-control']).toBe('no-store');
    const oldReset = await http()
      .get('/portal/reset-password.html?token=ppwr_a%2Bb&audience=platform')
      .set('Host', config().tenancy.baseDomain)
      .expect(302);
    expect(oldReset.headers['location']).toBe(
      `http://admin.${config().tenancy.baseDomain}/reset-password?token=ppwr_a%2Bb`,
    );
    // A tenant's old link stays on its host and opens the console's route, token ahead of the hash.
    const bank = await createBank(onboarding(), config());
    const tenantReset = await http()
      .get('/portal/reset-password.html?token=pwr_x')
      .set('Host', bank.host)
      .expect(302);
    expect(tenantReset.headers['location']).toBe('/?token=pwr_x#/reset-password');
    // The rest of the retired portal is gone.
    expectApiError(await http().get('/portal/portal.css').set('Host', bank.host), 404, 'not_found');

    // Followed in a browser (on the test's port), the old operator link opens the platform console's page.
    const page = await open(invitationTarget);
    await page.locator('#accept-form input[name=password]').waitFor();
  });

  it('an old platform link stripped of its marker only fails: the tenant route on a host without a tenant', async () => {
    const { email, link: invitationLink } = await inviteOperator('stripped');
    const token = invitationLink.searchParams.get('token') ?? '';
    // Without the marker it is a tenant's old link: redirected to the console's route on the same host, the
    // bare base domain of the old emails, where no tenant (so no console) answers and the token goes nowhere.
    const page = await open(
      new URL(
        `http://${config().tenancy.baseDomain}:${port}/portal/accept-invitation.html?token=${encodeURIComponent(token)}`,
      ),
    );
    await page.locator('main', { hasText: 'There is no console at this address.' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/accept-invitation');

    // The invitation is untouched: its token still works where it belongs, and nobody signed in meanwhile.
    expectApiError(await login(email, OPERATOR_PASSWORD), 401, 'unauthorized');
    await http()
      .post('/v1/platform/invitations/accept')
      .send({ token, password: OPERATOR_PASSWORD })
      .expect(200);
  });

  it("a bank's invitation and reset links open its branded console routes and the tenant routes", async () => {
    const bank = await createBank(onboarding(), config());
    const invitation = linkIn(await sink.waitFor(bank.adminEmail, /invited/));
    expect(invitation.hostname).toBe(bank.host);
    expect(invitation.searchParams.has('audience')).toBe(false);

    expect(invitation.hash).toBe('#/accept-invitation');
    const page = await open(invitation);
    await page.locator('main h1', { hasText: `Join ${bank.slug} Savings` }).waitFor();
    expect(await page.locator('#accept-form input[name=name]').isVisible()).toBe(true);
    await page.locator('#accept-form input[name=password]').fill(OPERATOR_PASSWORD);
    await page.locator('#accept-form button[type=submit]').click();
    // The tenant's workspace opens, signed in.
    await page.locator('#session-user', { hasText: bank.adminEmail }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    // Kept signed in past the first access token: the session's refresh token is in the tenant's cookie.
    const cookies = await page.context().cookies(`${invitation.origin}/v1/auth/refresh`);
    expect(cookies).toEqual([
      expect.objectContaining({ path: '/v1/auth', httpOnly: true, sameSite: 'Strict' }),
    ]);

    const tenantLogin = (password: string) =>
      http().post('/v1/auth/login').set('Host', bank.host).send({ email: bank.adminEmail, password });
    await http()
      .post('/v1/auth/password-reset')
      .set('Host', bank.host)
      .send({ email: bank.adminEmail })
      .expect(202);
    const reset = linkIn(await sink.waitFor(bank.adminEmail, /Reset/));
    expect(reset.hash).toBe('#/reset-password');
    // A platform marker forged onto a tenant's link changes nothing: the console's route calls only the tenant's
    // reset, so the token never reaches the platform's accounts and still resets this user alone.
    const forged = new URL(reset);
    forged.searchParams.set('audience', 'platform');
    const resetPage = await open(forged);
    await resetPage.locator('main h1', { hasText: `Reset your ${bank.slug} Savings password` }).waitFor();
    await resetPage.locator('#reset-confirm-form input[name=password]').fill(NEW_PASSWORD);
    await resetPage.locator('#reset-confirm-form button[type=submit]').click();
    await resetPage.locator('#reset-message', { hasText: 'Sign in with the new password.' }).waitFor();
    await tenantLogin(NEW_PASSWORD).expect(200);
    // Single use: the same link again is refused on the page.
    const again = await open(reset);
    await again.locator('#reset-confirm-form input[name=password]').fill(`${NEW_PASSWORD} again`);
    await again.locator('#reset-confirm-form button[type=submit]').click();
    await again.locator('#reset-error').waitFor();
  });
});
