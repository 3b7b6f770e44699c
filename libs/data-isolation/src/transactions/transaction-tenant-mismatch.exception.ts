/**
 * Work inside a transaction switched to another tenant's context and then touched tenant data. One
 * transaction commits one tenant's change; mixing tenants in it is a programming error, so this is not a
 * DomainException (it becomes a 500 and is logged).
 */
export class TransactionTenantMismatchException extends Error {
  constructor() {
    super('A transaction opened for one tenant was used from another tenant context');
    this.name = 'TransactionTenantMismatchException';
  }
}
