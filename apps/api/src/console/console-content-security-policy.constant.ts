/**
 * The consoles' own Content-Security-Policy, replacing helmet's default on their pages and files. Stricter where the
 * page allows it: scripts, styles and API calls from this origin only, no inline script or style, no
 * plugins, frames, or form posts. Wider in one place: images may come from any https origin, because a
 * tenant's logo URL (https-only by validation) is on the tenant's own CDN; `data:` images (as in helmet's
 * default) stand in for the favicon. helmet's default also carries
 * `upgrade-insecure-requests`, which would turn the page's own requests into https ones on a plain-http
 * host (`npm start`, tests); it is added back only when the request came over https.
 */
export const CONSOLE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const UPGRADE_INSECURE_REQUESTS = 'upgrade-insecure-requests';
