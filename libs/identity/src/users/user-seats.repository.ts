import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import {
  DataIsolationService,
  type RepositoryFilter,
  TenantAwareRepository,
} from '@tenantpay/data-isolation';
import { isDuplicateKeyError } from '@tenantpay/platform';
import { type Limit, UNLIMITED } from '@tenantpay/tenancy';
import { type Model, trusted } from 'mongoose';
import type { UserSeatCounter } from './user-seat-counter';
import { USER_SEAT_COUNTER_MODEL } from './user-seat-counter.schema';

/**
 * The current tenant's active-user counter. Taking a seat is one conditional `$inc`
 * (`activeUsers < max`): MongoDB applies single-document updates atomically, so of two requests racing
 * for the last seat exactly one matches. Callers run it in the same transaction as the user write
 * (`TransactionService.withTransaction`, joined through the ambient session), so a failed or interrupted
 * creation never leaves a seat taken (the counter cannot drift from `users`).
 */
@Injectable()
export class UserSeatsRepository extends TenantAwareRepository<UserSeatCounter> {
  constructor(
    @InjectModel(USER_SEAT_COUNTER_MODEL) model: Model<UserSeatCounter>,
    isolation: DataIsolationService,
  ) {
    super(model, isolation);
  }

  /**
   * Creates the counter from the current number of active users if the tenant has none yet (tenants
   * and users that predate it). Outside any transaction: a lost race to create it is a duplicate key,
   * which here only means another request created it first.
   */
  async ensureExists(countActiveUsers: () => Promise<number>): Promise<void> {
    if (await this.exists({})) return;
    const activeUsers = await countActiveUsers();
    try {
      await this.updateOne({}, { $setOnInsert: { activeUsers } }, { upsert: true });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  /** Takes one seat if the limit allows it; false when the tenant is at its limit. */
  take(limit: Limit): Promise<boolean> {
    const filter = limit === UNLIMITED ? {} : { activeUsers: trusted({ $lt: limit }) };
    return this.increment(filter, 1);
  }

  async release(): Promise<void> {
    await this.increment({ activeUsers: trusted({ $gt: 0 }) }, -1);
  }

  private async increment(filter: RepositoryFilter, by: number): Promise<boolean> {
    const result = await this.updateOne(filter, { $inc: { activeUsers: by } });
    return result.modifiedCount === 1;
  }
}
