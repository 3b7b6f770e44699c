import type { Types } from 'mongoose';

/** A support session as stored in `support_sessions` (platform-owned: opened by an operator, not the tenant). */
export interface SupportSession {
  readonly _id: Types.ObjectId;
  readonly tenantId: Types.ObjectId;
  /** The platform user who opened it. */
  readonly operatorId: string;
  readonly reason: string;
  readonly openedAt: Date;
  readonly expiresAt: Date;
  /** Set when the tenant's admin ended it before it expired. */
  readonly endedAt: Date | null;
  readonly endedBy: string | null;
}
