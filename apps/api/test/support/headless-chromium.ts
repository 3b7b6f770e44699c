import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium; Playwright's own browser download is not used (see .ci/run). */
const CHROMIUM = '/usr/bin/chromium';

/**
 * Headless Chromium for the portal's browser tests. Every host under `baseDomain`, and the bare base domain (the
 * platform's host), reaches 127.0.0.1 with its own Host header: one test server, many tenants' hosts.
 */
export function launchHeadlessChromium(baseDomain: string): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-proxy-server',
      `--host-resolver-rules=MAP *.${baseDomain} 127.0.0.1, MAP ${baseDomain} 127.0.0.1`,
    ],
  });
}
