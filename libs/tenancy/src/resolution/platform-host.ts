import { normalizeHostname } from '../tenants/hostname';
import { parseTenantHost } from './tenant-host';

/**
 * The platform operators' own host is `admin.{BASE_DOMAIN}`: `admin` is a reserved slug, so no tenant can ever
 * own it, and a host-only cookie set there (the platform refresh token) never reaches a tenant's host.
 */
export const PLATFORM_HOST_LABEL = 'admin';

export function platformHostname(baseDomain: string): string {
  return `${PLATFORM_HOST_LABEL}.${baseDomain.toLowerCase().replace(/\.$/, '')}`;
}

/** Whether a Host header (any case, port, trailing dot) names the platform's host. */
export function isPlatformHost(host: string | null | undefined, baseDomain: string): boolean {
  return normalizeHostname(host ?? undefined) === platformHostname(baseDomain);
}

/**
 * Whether platform (`@BypassTenantIsolation`) routes may be served on a host: only where the host names no
 * tenant. That is the platform host, the bare base domain and its other reserved labels, and hosts that are
 * nobody's domain (a single label such as `localhost`, an IP literal: server-to-server inside the network).
 * A bank's subdomain or any name that could be a custom domain is refused, so an operator token stolen or
 * phished onto a bank's white-label host cannot reach the platform from there.
 */
export function servesPlatformRoutes(hostname: string | null, baseDomain: string): boolean {
  return parseTenantHost(hostname, baseDomain).kind === 'none';
}
