import type { Types } from 'mongoose';

/**
 * How many active users a tenant has, kept in step with `users` inside the same transaction as every
 * change to who is active. Its conditional increment is what makes the tier's user limit hold under
 * concurrency (see UserSeatsRepository).
 */
export interface UserSeatCounter {
  readonly _id: Types.ObjectId;
  readonly tenantId: Types.ObjectId;
  readonly activeUsers: number;
  readonly deletedAt: Date | null;
  readonly deletedBy: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}
