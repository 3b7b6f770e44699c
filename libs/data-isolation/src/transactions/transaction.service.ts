import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { TenantContextService } from '@tenantpay/tenancy';
import type { Connection } from 'mongoose';
import { ambientSession, runInAmbientTransaction } from './ambient-transaction';

/**
 * The one way to run MongoDB work in a transaction: a payment with its idempotency record, a status change with
 * the event announcing it, a user with the seat it takes. Repository calls inside `work` join the transaction
 * through the ambient session (see ambient-transaction.ts); a nested call joins the enclosing transaction.
 *
 * The driver's `withTransaction` (commit retries, transient-error retries, so `work` may run more than once)
 * rather than Mongoose's `connection.transaction`: on abort the latter resets tracked documents by setting `__v`
 * on subdocuments, which strict ('throw') tenant-owned schemas refuse, turning a duplicate-key abort into a
 * StrictModeError.
 */
@Injectable()
export class TransactionService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly tenantContext: TenantContextService,
  ) {}

  async withTransaction<R>(work: () => Promise<R>): Promise<R> {
    const tenantId = this.tenantContext.current()?.tenant?.id ?? null;
    // Inside a transaction already (of this tenant, or this throws): join it.
    if (ambientSession(tenantId) !== undefined) return work();
    const session = await this.connection.startSession();
    try {
      let result: R | undefined;
      await session.withTransaction(() =>
        runInAmbientTransaction(session, tenantId, async () => {
          result = await work();
        }),
      );
      return result as R;
    } finally {
      await session.endSession();
    }
  }
}
