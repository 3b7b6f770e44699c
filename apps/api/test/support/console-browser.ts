import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { testAppConfig } from '@tenantpay/testing';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createApiApplication } from '../../src/create-api-application';
import { ensureConsoleBuilt } from './built-console';
import { launchHeadlessChromium } from './headless-chromium';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface ConsoleBrowserOptions {
  /** The base domain every tenant host sits under; the browser maps all of them to 127.0.0.1. */
  readonly baseDomain: string;
  /**
   * The API's settings beyond the test defaults. A function: MongoDB and Redis have only started, and have their
   * addresses, when the hooks run.
   */
  readonly config: () => { MONGODB_URI: string; REDIS_URL: string } & Record<string, string>;
  /** API instances sharing the same MongoDB and Redis (a session moving between instances); 1 unless said. */
  readonly instances?: number;
}

export interface ConsoleBrowser {
  readonly browser: Browser;
  /** The first API instance. */
  readonly app: NestFastifyApplication;
  readonly apps: readonly NestFastifyApplication[];
  /** The first instance's port. */
  readonly port: number;
  portOf(app: NestFastifyApplication): number;
  /**
   * A new page in `context` whose Content-Security-Policy refusals and uncaught script errors fail the current
   * test (checked after it): the console must run under its strict CSP without either.
   */
  newPage(context: BrowserContext): Promise<Page>;
  /** axe-core's serious and critical violations on the page as `rule: targets`, evaluated in the page. */
  seriousAccessibilityViolations(page: Page): Promise<string[]>;
}

/**
 * The Jest hooks every Chromium spec of the console needs, registered once: build the console if its sources
 * changed, start the API (one or more instances) and one headless Chromium for the whole file (starting them is
 * most of such a spec's time), fail each test that left a CSP refusal or a script error, and close the browser,
 * then the API. Call it inside a `describe` nested in the one that starts MongoDB and Redis, so the API (and its
 * BullMQ queues) closes before Redis stops.
 */
export function useConsoleBrowser(options: ConsoleBrowserOptions): ConsoleBrowser {
  const apps: NestFastifyApplication[] = [];
  let browser: Browser | undefined;
  let problems: string[] = [];

  beforeAll(async () => {
    await ensureConsoleBuilt();
    for (let instance = 0; instance < (options.instances ?? 1); instance += 1) {
      const app = await createApiApplication(testAppConfig(options.config()));
      apps.push(app);
      await app.listen(0, '127.0.0.1');
    }
    browser = await launchHeadlessChromium(options.baseDomain);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    for (const app of apps) await app.close();
  });
  beforeEach(() => {
    problems = [];
  });
  afterEach(() => {
    expect(problems).toEqual([]);
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is used before useConsoleBrowser's beforeAll ran`);
    return value;
  };
  const portOf = (app: NestFastifyApplication) => (app.getHttpServer().address() as AddressInfo).port;

  return {
    get browser() {
      return started(browser, 'the browser');
    },
    get app() {
      return started(apps[0], 'the API');
    },
    get apps() {
      return apps;
    },
    get port() {
      return portOf(started(apps[0], 'the API'));
    },
    portOf,
    async newPage(context) {
      const page = await context.newPage();
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      return page;
    },
    async seriousAccessibilityViolations(page) {
      // Evaluated, not added as a script tag, which the console's CSP would refuse. Once per document: the
      // consoles route by hash, so a page keeps axe across its screens, and sending and compiling its half a
      // megabyte again for every check was a visible part of a console spec's CPU.
      if (!(await page.evaluate<boolean>(`typeof axe !== 'undefined'`))) await page.evaluate(AXE_SOURCE);
      return page.evaluate<string[]>(
        `axe.run(document).then((result) => result.violations
          .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          .map((violation) => violation.id + ': ' + violation.nodes.map((node) => node.target.join(' ')).join(', ')))`,
      );
    },
  };
}
