/**
 * `TenantContextService.run` was handed a context carrying a platform scope. Only `runAsPlatform(reason)` opens
 * that scope; a context built elsewhere (a job payload, a copied request context, a polluted object) claiming
 * it is refused, because accepting it would let data decide that isolation is off. A programming error or an
 * attack, never a client error, so not a DomainException.
 */
export class ForgedPlatformScopeException extends Error {
  constructor() {
    super('TenantContextService.run() refuses a caller-built platform scope; use runAsPlatform(reason)');
    this.name = 'ForgedPlatformScopeException';
  }
}
