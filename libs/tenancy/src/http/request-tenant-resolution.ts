import type { TenantResolution } from '../resolution/tenant-resolution';

/**
 * The resolution of each request, kept beside the request object rather than on it: nothing a client
 * sends can set it, nothing else can overwrite it, and it is gone with the request.
 */
const resolutions = new WeakMap<object, TenantResolution>();

export function rememberTenantResolution(request: object, resolution: TenantResolution): void {
  resolutions.set(nodeRequestOf(request), resolution);
}

export function tenantResolutionOf(request: object): TenantResolution | undefined {
  return resolutions.get(nodeRequestOf(request));
}

/**
 * Node's own request object: middleware gets it as is, guards and interceptors get Fastify's request around
 * it (`raw`), and the resolution must be found from either.
 */
function nodeRequestOf(request: object): object {
  const raw = (request as { raw?: unknown }).raw;
  return typeof raw === 'object' && raw !== null ? raw : request;
}
