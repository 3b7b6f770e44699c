import type { Types } from 'mongoose';

/** A tenant's sign-in rules, set by its admins (one document per tenant; none means the defaults). */
export interface TenantSecurityPolicy {
  readonly _id: Types.ObjectId;
  readonly tenantId: Types.ObjectId;
  /** Every user must sign in with a second factor; one without is made to enrol at login (ENTERPRISE). */
  readonly mfaRequired: boolean;
  readonly updatedBy: string | null;
  readonly deletedAt: Date | null;
  readonly deletedBy: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}
