export const CONSOLE_CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Asset names carry a content hash: a new build has new names, so a browser may keep each one for good. */
export const IMMUTABLE_ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';

export const HTML_CONTENT_TYPE = 'text/html; charset=utf-8';

/** The platform console's page in the build (a second Vite entry beside index.html, apps/console/platform.html). */
export const PLATFORM_CONSOLE_PAGE = 'platform.html';

/**
 * The platform console's email-link pages, real paths on the platform host (the links in operators' emails and
 * the old portal's `?audience=platform` redirects point here); every other platform screen lives in the hash.
 */
export const PLATFORM_EMAIL_LINK_PATHS = ['accept-invitation', 'reset-password'] as const;
