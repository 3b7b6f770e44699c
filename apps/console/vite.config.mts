import path from 'node:path';
import { defineConfig } from 'vite';
import { firstLoadBudget } from './build/first-load-budget.plugin.mts';

const workspaceRoot = path.resolve(import.meta.dirname, '../..');

/**
 * Builds the staff console (index.html) and the platform console (platform.html, served on `admin.{BASE_DOMAIN}`)
 * into dist/apps/console, where the API serves them (apps/api/src/console). Two entries of one build: they share
 * Preact, the router, the SDK and the session transport as common chunks, and neither loads the other's screens. The output
 * has no inline script or style, so it runs under the API's strict Content-Security-Policy, and loads nothing
 * from another origin.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  resolve: {
    // The SDK through its public entry point, as every other workspace project imports it.
    alias: { '@tenantpay/sdk': path.join(workspaceRoot, 'libs/sdk/src/index.ts') },
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: path.join(workspaceRoot, 'dist/apps/console'),
    emptyOutDir: true,
    // The polyfill would be inlined into index.html, which the CSP forbids; every supported browser has modulepreload.
    modulePreload: { polyfill: false },
    // Small assets stay files: a data: URL for a script or style would need a CSP exception.
    assetsInlineLimit: 0,
    rolldownOptions: {
      input: {
        index: path.join(import.meta.dirname, 'index.html'),
        platform: path.join(import.meta.dirname, 'platform.html'),
      },
      // The SDK's webhook verification (node:crypto) is server-side only; the console never imports it, and
      // without side effects it is dropped instead of bundled.
      external: ['node:crypto'],
      treeshake: { moduleSideEffects: 'no-external' },
    },
  },
  plugins: [firstLoadBudget()],
});
