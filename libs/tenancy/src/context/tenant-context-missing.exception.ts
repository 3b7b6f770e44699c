/**
 * Thrown when code that needs a tenant runs without one. This is a programming error (a route or job
 * wired without tenant resolution), not a client error, so it is not a DomainException: it becomes a 500
 * and is logged.
 */
export class TenantContextMissingException extends Error {
  constructor(what: string) {
    super(`${what} requires a tenant context, but this code is running outside one`);
    this.name = 'TenantContextMissingException';
  }
}
