/**
 * Cross-tenant access was attempted outside `TenantContextService.runAsPlatform(reason, …)`. A programming
 * error (a route or job wired without the platform scope), so a 500 rather than a client error.
 */
export class PlatformScopeRequiredException extends Error {
  constructor(operation: string) {
    super(`${operation} is cross-tenant and must run inside runAsPlatform(reason, ...) without a tenant`);
    this.name = 'PlatformScopeRequiredException';
  }
}
