import { ExpiringLruCache } from '../cache/expiring-lru-cache';

/**
 * Host headers normalized so far: every request's is, and an instance serves few distinct hosts. Bounded, so
 * a flood of made-up hosts only evicts.
 */
const normalized = new ExpiringLruCache<string | null>(10_000);

/**
 * The canonical form of a Host header or a custom domain: lowercase, without port, without the
 * trailing dot of a fully qualified name. Returns null for anything that is not a plausible DNS name
 * (IP literals included), so garbage never reaches a lookup or a cache key.
 */
export function normalizeHostname(host: string | undefined): string | null {
  if (host === undefined) return null;
  let answer = normalized.get(host);
  if (answer === undefined) {
    answer = canonicalHostname(host);
    normalized.set(host, answer, Number.POSITIVE_INFINITY);
  }
  return answer;
}

function canonicalHostname(host: string): string | null {
  let name = host.trim().toLowerCase();
  if (name.startsWith('[')) return null; // IPv6 literal
  name = name.replace(/:\d{1,5}$/, '').replace(/\.$/, '');
  if (name.length === 0 || name.length > 253) return null;
  const labels = name.split('.');
  if (!labels.every((label) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(label))) return null;
  if (labels.every((label) => /^\d+$/.test(label))) return null; // IPv4 literal
  return name;
}
