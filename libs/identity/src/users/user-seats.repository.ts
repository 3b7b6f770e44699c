import { isDuplicateKeyError } from '@tenantpay/platform';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Limit, TenantContextService, UNLIMITED } from '@tenantpay/tenancy';
import { type ClientSession, type Model, Types } from 'mongoose';
import type { UserSeatCounter } from './user-seat-counter';
import { USER_SEAT_COUNTER_MODEL } from './user-seat-counter.schema';

/**
 * The current tenant's active-user counter. Taking a seat is one conditional `$inc`
 * (`activeUsers < max`): MongoDB applies single-document updates atomically, so of two requests racing
 * for the last seat exactly one matches. Callers run it in the same transaction as the user write, so a
 * failed or interrupted creation never leaves a seat taken (the counter cannot drift from `users`).
 */
@Injectable()
export class UserSeatsRepository {
  constructor(
    @InjectModel(USER_SEAT_COUNTER_MODEL) private readonly model: Model<UserSeatCounter>,
    private readonly tenantContext: TenantContextService,
  ) {}

  /**
   * Creates the counter from the current number of active users if the tenant has none yet (tenants
   * and users that predate it). Outside any transaction: a lost race to create it is a duplicate key,
   * which here only means another request created it first.
   */
  async ensureExists(countActiveUsers: () => Promise<number>): Promise<void> {
    const tenantId = this.tenantId();
    if (await this.model.exists({ tenantId }).exec()) return;
    const activeUsers = await countActiveUsers();
    try {
      await this.model.updateOne({ tenantId }, { $setOnInsert: { activeUsers } }, { upsert: true }).exec();
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  /** Takes one seat if the limit allows it; false when the tenant is at its limit. */
  async take(limit: Limit, session: ClientSession): Promise<boolean> {
    const filter =
      limit === UNLIMITED
        ? { tenantId: this.tenantId() }
        : { tenantId: this.tenantId(), activeUsers: { $lt: limit } };
    const result = await this.model.updateOne(filter, { $inc: { activeUsers: 1 } }, { session }).exec();
    return result.modifiedCount === 1;
  }

  async release(session: ClientSession): Promise<void> {
    await this.model
      .updateOne(
        { tenantId: this.tenantId(), activeUsers: { $gt: 0 } },
        { $inc: { activeUsers: -1 } },
        { session },
      )
      .exec();
  }

  private tenantId(): Types.ObjectId {
    return new Types.ObjectId(this.tenantContext.getTenantId());
  }
}
