import type { Types } from 'mongoose';
import type { TenantExportArchive } from './tenant-export-archive';
import type { TenantOffboardingStatus } from './tenant-offboarding-status.enum';

/** A tenant's offboarding as stored in `tenant_offboardings` (platform-owned: one document per tenant). */
export interface TenantOffboarding {
  readonly _id: Types.ObjectId;
  readonly tenantId: Types.ObjectId;
  readonly status: TenantOffboardingStatus;
  /** The super-admin who started it. */
  readonly requestedBy: string;
  readonly requestedAt: Date;
  /** Until when the worker that claimed the current step holds it; null when no step is claimed. */
  readonly leaseUntil: Date | null;
  /** Not before this time is a requested export (re)tried. */
  readonly notBefore: Date;
  readonly archive: TenantExportArchive | null;
  readonly exportedAt: Date | null;
  /** When the tenant's data will be (or was allowed to be) deleted: exportedAt + the retention period. */
  readonly deleteAfter: Date | null;
  readonly offboardedAt: Date | null;
  /** When the archive file will be (or was allowed to be) deleted: offboardedAt + the archive's retention. */
  readonly archiveDeleteAfter: Date | null;
  /** When the sweep deleted the archive file; from then on a download answers 410. */
  readonly archiveDeletedAt: Date | null;
  /** Documents deleted per collection, once offboarded. */
  readonly deleted: Readonly<Record<string, number>> | null;
  readonly lastError: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}
