import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { PlacementConnections } from '@tenantpay/placement';
import {
  APP_CONFIG,
  type AppConfig,
  isDatabaseUnavailableError,
  SHARED_PLACEMENT,
} from '@tenantpay/platform';
import { TenantContextService } from '@tenantpay/tenancy';
import { type ClientSession, type Connection, mongo } from 'mongoose';
import { performance } from 'node:perf_hooks';
import { ambientSession, runInAmbientTransaction } from './ambient-transaction';

const TRANSIENT_TRANSACTION_ERROR = 'TransientTransactionError';
const UNKNOWN_COMMIT_RESULT = 'UnknownTransactionCommitResult';

/**
 * The one way to run MongoDB work in a transaction: a payment with its idempotency record, a status change with
 * the event announcing it, a user with the seat it takes. Repository calls inside `work` join the transaction
 * through the ambient session (see ambient-transaction.ts); a nested call joins the enclosing transaction.
 *
 * The retry rules are the driver's `withTransaction`'s (the whole work again on a transient error, the commit
 * again when its result is unknown), so `work` may run more than once, with two bounds it lacks:
 * - write conflicts are retried for `MONGODB_TRANSACTION_TIMEOUT_MS`, not the driver's fixed 120 s;
 * - an unavailable database (hung, unreachable, timed out) is never retried here: it will not be back within the
 *   request, and each attempt would add a full timeout to the caller's wait. The error reaches the caller at
 *   once (503 at the API), and a session that could not be aborted is ended in the background.
 * The driver's loop is not used because its only bound, `timeoutMS`, has no effect in this driver version; nor
 * is Mongoose's `connection.transaction`, which on abort resets tracked documents by setting `__v` on
 * subdocuments, which strict ('throw') tenant-owned schemas refuse.
 *
 * The session is opened on the placement of the context's tenant (the shared database outside a tenant), and
 * the transaction stays there: a repository call for another placement inside it is refused
 * (TransactionPlacementMismatchException), never sent to another cluster with this session.
 */
@Injectable()
export class TransactionService {
  private readonly retryForMs: number;
  /** The placement each open session belongs to (set by {@link withSession}). */
  private readonly sessionPlacements = new WeakMap<ClientSession, string>();

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly tenantContext: TenantContextService,
    @Inject(APP_CONFIG) config: AppConfig,
    @Optional() private readonly placements?: PlacementConnections,
  ) {
    this.retryForMs = config.mongodb.timeouts.transactionMs;
  }

  async withTransaction<R>(work: () => Promise<R>): Promise<R> {
    // Inside a transaction already (of this tenant, or this throws): join it.
    if (ambientSession(this.currentTenantId(), this.currentPlacement()) !== undefined) return work();
    return this.withSession((session) => this.runIn(session, work));
  }

  /**
   * A session for work before its transaction (a lease naming the session, so a later request can kill it if
   * this process dies: {@link killSession}), then {@link runIn}. Ended when `use` settles.
   */
  async withSession<R>(use: (session: ClientSession) => Promise<R>): Promise<R> {
    const placement = this.currentPlacement();
    const session = await (await this.connectionOf(placement)).startSession();
    this.sessionPlacements.set(session, placement);
    let result: R;
    try {
      result = await use(session);
    } catch (error) {
      // Ending a session aborts its open transaction, a round trip a hung server would not answer.
      if (isDatabaseUnavailableError(error)) void session.endSession().catch(() => undefined);
      else await session.endSession();
      throw error;
    }
    await session.endSession();
    return result;
  }

  /** Runs `work` in a transaction of `session` (from {@link withSession}), with the retry rules above. */
  async runIn<R>(session: ClientSession, work: () => Promise<R>): Promise<R> {
    const tenantId = this.currentTenantId();
    const placement = this.sessionPlacements.get(session) ?? this.currentPlacement();
    const deadline = performance.now() + this.retryForMs;
    for (;;) {
      session.startTransaction();
      try {
        const result = await runInAmbientTransaction(session, tenantId, placement, work);
        await this.commit(session, deadline);
        return result;
      } catch (error) {
        const unavailable = isDatabaseUnavailableError(error);
        if (session.inTransaction() && !unavailable) await session.abortTransaction().catch(() => undefined);
        if (!unavailable && hasLabel(error, TRANSIENT_TRANSACTION_ERROR) && performance.now() < deadline)
          continue;
        throw error;
      }
    }
  }

  /** The id of a session, as a lease stores it for {@link killSession}. */
  sessionIdOf(session: ClientSession): string {
    const id = session.id?.['id'];
    if (!(id instanceof mongo.Binary)) throw new Error('The MongoDB session has no id');
    return id.toString('hex');
  }

  /**
   * Kills a session, aborting its open transaction on the server at once and releasing what it had written.
   * For a session whose process died: otherwise its locks would block every writer of those documents until
   * the server's transaction lifetime limit (60 s by default) ran out. Killing an unknown or ended session
   * does nothing.
   */
  async killSession(sessionId: string): Promise<void> {
    // The session was opened on the context's placement, as every session of this tenant's work is.
    const db = (await this.connectionOf(this.currentPlacement())).db;
    if (db === undefined) throw new Error('MongoDB is not connected');
    const id = new mongo.Binary(Buffer.from(sessionId, 'hex'), mongo.Binary.SUBTYPE_UUID);
    await db.admin().command({ killSessions: [{ id }] });
  }

  private currentPlacement(): string {
    return this.tenantContext.current()?.tenant?.placement ?? SHARED_PLACEMENT;
  }

  private async connectionOf(placement: string): Promise<Connection> {
    if (placement === SHARED_PLACEMENT) return this.connection;
    if (this.placements === undefined)
      throw new Error(`The tenant is placed on "${placement}" but no PlacementModule is bound`);
    return this.placements.connectionFor(placement);
  }

  private currentTenantId(): string | null {
    return this.tenantContext.current()?.tenant?.id ?? null;
  }

  private async commit(session: ClientSession, deadline: number): Promise<void> {
    for (;;) {
      try {
        await session.commitTransaction();
        return;
      } catch (error) {
        const retry =
          hasLabel(error, UNKNOWN_COMMIT_RESULT) &&
          !isDatabaseUnavailableError(error) &&
          performance.now() < deadline;
        if (!retry) throw error;
      }
    }
  }
}

function hasLabel(error: unknown, label: string): boolean {
  return error instanceof mongo.MongoError && error.hasErrorLabel(label);
}
