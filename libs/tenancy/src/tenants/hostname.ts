/**
 * The canonical form of a Host header or a custom domain: lowercase, without port, without the
 * trailing dot of a fully qualified name. Returns null for anything that is not a plausible DNS name
 * (IP literals included), so garbage never reaches a lookup or a cache key.
 */
export function normalizeHostname(host: string | undefined): string | null {
  if (host === undefined) return null;
  let name = host.trim().toLowerCase();
  if (name.startsWith('[')) return null; // IPv6 literal
  name = name.replace(/:\d{1,5}$/, '').replace(/\.$/, '');
  if (name.length === 0 || name.length > 253) return null;
  const labels = name.split('.');
  if (!labels.every((label) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(label))) return null;
  if (labels.every((label) => /^\d+$/.test(label))) return null; // IPv4 literal
  return name;
}
