import { normalizeHostname } from '../tenants/hostname';

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
