import type { Types } from 'mongoose';

/** What the guards hold an operation against. */
export interface InspectionPolicy {
  /** The context's tenant; null in the platform scope, where naming tenants is the point. */
  readonly tenantId: Types.ObjectId | null;
}
