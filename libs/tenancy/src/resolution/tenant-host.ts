import { ExpiringLruCache } from '../cache/expiring-lru-cache';
import { normalizeHostname } from '../tenants/hostname';
import { RESERVED_SLUGS } from '../tenants/slug';

/** What a request's host says about its tenant. */
export type TenantHost =
  /** `{slug}.{baseDomain}` (optionally behind more labels): the tenant's white-label subdomain. */
  | { readonly kind: 'subdomain'; readonly slug: string }
  /** A host outside the base domain: may be a tenant's verified custom domain. */
  | { readonly kind: 'custom-domain'; readonly hostname: string }
  /** The base domain itself, a platform host (`www`, reserved words), or not a usable host name. */
  | { readonly kind: 'none' };

const NONE: TenantHost = Object.freeze({ kind: 'none' });

/**
 * Hosts read so far, per base domain: every request's host is read by two strategies, and an instance serves
 * few distinct hosts. Bounded, so a flood of made-up hosts only evicts; answers are frozen, being shared.
 */
const READ_HOSTS_MAX_ENTRIES = 10_000;
const readHosts = new Map<string, ExpiringLruCache<TenantHost>>();

/**
 * Reads a Host header (SPEC §4): port stripped, lowercased, trailing dot dropped. Under the base domain,
 * the label closest to it is the slug (`api.bank1.example.com` → `bank1`), `www` in front is ignored, and
 * the bare base domain and reserved labels name no tenant. Any other name of two or more labels is a
 * custom-domain candidate.
 */
export function parseTenantHost(host: string | null | undefined, baseDomain: string): TenantHost {
  if (host == null) return NONE;
  let read = readHosts.get(baseDomain);
  if (read === undefined) {
    read = new ExpiringLruCache<TenantHost>(READ_HOSTS_MAX_ENTRIES);
    readHosts.set(baseDomain, read);
  }
  let answer = read.get(host);
  if (answer === undefined) {
    answer = Object.freeze(readTenantHost(host, baseDomain));
    read.set(host, answer, Number.POSITIVE_INFINITY);
  }
  return answer;
}

function readTenantHost(host: string, baseDomain: string): TenantHost {
  const hostname = normalizeHostname(host);
  if (hostname === null) return NONE;
  const base = baseDomain.toLowerCase().replace(/\.$/, '');
  if (hostname === base) return NONE;
  if (!hostname.endsWith(`.${base}`)) {
    // A single label (`localhost`, an intranet name) is nobody's registrable domain.
    return hostname.includes('.') ? { kind: 'custom-domain', hostname } : NONE;
  }
  const labels = hostname.slice(0, -(base.length + 1)).split('.');
  const slug = labels[labels.length - 1];
  if (slug === undefined || RESERVED_SLUGS.has(slug)) return NONE;
  return { kind: 'subdomain', slug };
}
