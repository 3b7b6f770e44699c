/**
 * A tenant slug is the first label of its white-label host (`{slug}.{BASE_DOMAIN}`), so it must be a
 * valid lowercase DNS label; reserved words are kept for the platform's own hosts; and a slug may not
 * look like a tenant id, so `X-Tenant-ID` can carry either without ambiguity.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'www',
  'api',
  'app',
  'admin',
  'static',
  'status',
  'mail',
  'email',
  'smtp',
  'imap',
  'pop',
  'ftp',
  'ns',
  'ns1',
  'ns2',
  'dns',
  'mx',
  'cdn',
  'assets',
  'docs',
  'help',
  'support',
  'blog',
  'dashboard',
  'portal',
  'auth',
  'login',
  'sso',
  'id',
  'accounts',
  'billing',
  'payments',
  'webhooks',
  'platform',
  'internal',
  'system',
  'root',
  'tenantpay',
  'localhost',
  'test',
  'dev',
  'staging',
  'prod',
  'sandbox',
]);

const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const OBJECT_ID = /^[0-9a-f]{24}$/;

/** Why a slug is refused, or null when it is acceptable. */
export function slugProblem(slug: string): string | null {
  if (!DNS_LABEL.test(slug)) {
    return 'must be 1-63 lowercase letters, digits or hyphens, not starting or ending with a hyphen';
  }
  if (slug.length < 3) return 'must be at least 3 characters';
  if (RESERVED_SLUGS.has(slug)) return 'is reserved';
  if (OBJECT_ID.test(slug)) return 'may not look like a tenant id';
  if (slug.startsWith('xn--')) return 'may not be a punycode label';
  return null;
}
