/**
 * Work inside a transaction reached a placement other than the one the transaction was opened on. A
 * transaction lives in one MongoDB deployment: it cannot span placements, and a session of one cluster must
 * never be sent to another. A programming error (or a move that switched the tenant mid-transaction), so not a
 * DomainException: it becomes a 500 and is logged, and the transaction is aborted.
 */
export class TransactionPlacementMismatchException extends Error {
  constructor(
    readonly transactionPlacement: string,
    readonly requestedPlacement: string,
  ) {
    super(
      `A transaction opened on placement "${transactionPlacement}" was used for placement "${requestedPlacement}"`,
    );
    this.name = 'TransactionPlacementMismatchException';
  }
}
