import { AsyncLocalStorage } from 'node:async_hooks';
import type { ClientSession } from 'mongoose';
import { TransactionPlacementMismatchException } from './transaction-placement-mismatch.exception';
import { TransactionTenantMismatchException } from './transaction-tenant-mismatch.exception';

/**
 * The transaction the current work runs in, carried by AsyncLocalStorage like the tenant context, so every
 * repository call inside `TransactionService.withTransaction` joins it without a session being passed by hand.
 * Module-private: only `runInAmbientTransaction` opens one and only the repositories read it.
 */
interface AmbientTransaction {
  readonly session: ClientSession;
  /** The tenant the transaction was opened for (null in the platform scope or a context without one). */
  readonly tenantId: string | null;
  /** The placement whose connection the session belongs to: a transaction never spans placements. */
  readonly placement: string;
}

const storage = new AsyncLocalStorage<AmbientTransaction>();

export function runInAmbientTransaction<R>(
  session: ClientSession,
  tenantId: string | null,
  placement: string,
  work: () => Promise<R>,
): Promise<R> {
  return storage.run(Object.freeze({ session, tenantId, placement }), work);
}

/**
 * The session of the enclosing transaction, if any. A transaction belongs to the tenant it was opened for: work
 * that switched to another tenant's context inside it is refused rather than silently committed together. It
 * also belongs to one placement: work for another placement (given as `placement`) is refused too.
 */
export function ambientSession(tenantId: string | null, placement?: string): ClientSession | undefined {
  const transaction = storage.getStore();
  if (transaction === undefined) return undefined;
  if (transaction.tenantId !== tenantId) throw new TransactionTenantMismatchException();
  if (placement !== undefined && transaction.placement !== placement)
    throw new TransactionPlacementMismatchException(transaction.placement, placement);
  return transaction.session;
}
