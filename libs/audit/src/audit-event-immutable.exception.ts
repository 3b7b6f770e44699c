/**
 * Thrown when code tries to change or delete a recorded audit event. A programming error, never a client
 * error (so not a DomainException): an audit trail that can be edited proves nothing.
 */
export class AuditEventImmutableException extends Error {
  constructor(operation: string) {
    super(`audit events are append-only: ${operation} is refused`);
    this.name = 'AuditEventImmutableException';
  }
}
