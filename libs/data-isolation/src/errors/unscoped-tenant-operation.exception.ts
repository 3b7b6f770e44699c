/**
 * The second line of defence refused an operation on a tenant-owned model that did not go through the
 * repository's scoping. This is a bug in our code (or an exploit of one), not a client error, so it is not a
 * DomainException: it becomes a 500 and is logged and audited.
 */
export class UnscopedTenantOperationException extends Error {
  constructor(
    readonly modelName: string,
    readonly operation: string,
    readonly reason: string,
  ) {
    super(`Refused ${operation} on tenant-owned model ${modelName}: ${reason}`);
    this.name = 'UnscopedTenantOperationException';
  }
}
