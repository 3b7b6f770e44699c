import type { Types } from 'mongoose';

/** The fields every tenant-owned document has, as plain (lean) results carry them. */
export interface TenantOwnedFields {
  _id: Types.ObjectId;
  tenantId: Types.ObjectId;
  deletedAt: Date | null;
  /** The actor id (user or API key) that soft-deleted the document. */
  deletedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}
