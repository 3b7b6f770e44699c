import { tenantOwnedSchema } from '@tenantpay/data-isolation';
import type { UserSeatCounter } from './user-seat-counter';

export const USER_SEAT_COUNTER_COLLECTION = 'user_seat_counters';
export const USER_SEAT_COUNTER_MODEL = 'UserSeatCounter';

export const UserSeatCounterSchema = tenantOwnedSchema<UserSeatCounter>(
  { activeUsers: { type: Number, required: true, min: 0 } },
  {
    collection: USER_SEAT_COUNTER_COLLECTION,
    shard: { key: { tenantId: 1 }, reason: 'one counter per tenant (its unique index is tenantId alone)' },
  },
);

// Every access: `findOneAndUpdate({ tenantId, activeUsers: { $lt: max } }, { $inc })`; unique so a tenant
// has exactly one counter even when two requests create it at once.
UserSeatCounterSchema.index({ tenantId: 1 }, { unique: true });
