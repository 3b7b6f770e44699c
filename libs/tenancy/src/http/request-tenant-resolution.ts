import type { TenantResolution } from '../resolution/tenant-resolution';

/**
 * The resolution of each request, kept beside the request object rather than on it: nothing a client
 * sends can set it, nothing else can overwrite it, and it is gone with the request.
 */
const resolutions = new WeakMap<object, TenantResolution>();

export function rememberTenantResolution(request: object, resolution: TenantResolution): void {
  resolutions.set(request, resolution);
}

export function tenantResolutionOf(request: object): TenantResolution | undefined {
  return resolutions.get(request);
}
