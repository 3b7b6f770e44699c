import type { Types } from 'mongoose';
import type { TenantLimits } from '../tiers/limit';
import type { Tier } from '../tiers/tier.enum';
import type { TenantDomain } from './tenant-domain';
import type { TenantSettings } from './tenant-settings';

/** A tenant as stored in the `tenants` collection (a platform collection: it is not tenant-owned). */
export interface Tenant {
  readonly _id: Types.ObjectId;
  readonly slug: string;
  readonly name: string;
  readonly tier: Tier;
  readonly isActive: boolean;
  /** Set while the tenant is archived (read-only); null or absent otherwise (documents from before archiving). */
  readonly archivedAt?: Date | null;
  /** Set once offboarding deleted the tenant's data; the tenant then stays suspended for good. */
  readonly offboardedAt?: Date | null;
  readonly domains: readonly TenantDomain[];
  /**
   * The hostnames of the verified entries of `domains`, repeated for the unique index that gives a verified
   * domain to one tenant only (an index cannot tell an array's verified elements from its pending ones).
   * Absent on documents from before it (their verified domains were unique by the older index) and on tenants
   * that never verified one.
   */
  readonly verifiedDomains?: readonly string[];
  readonly settings: TenantSettings;
  /** Contract-specific overrides of the tier's limits; absent fields use the tier's. */
  readonly limits?: Partial<TenantLimits>;
  /**
   * Which MongoDB holds the tenant's own data: `shared` (MONGODB_URI's database) or the name of a dedicated
   * cluster from MONGODB_PLACEMENTS. The name only: the URI (credentials) stays in configuration. Absent on
   * documents from before placements, which read as `shared`. Only a placement move changes it.
   */
  readonly placement?: string;
  /**
   * True from the moment a placement move begins until it has switched (and every cache caught up) or failed:
   * while set, every write of the tenant is admitted by the move's Redis state (MovingTenantWriteGate). Absent
   * on documents from before moves, which read as not moving.
   */
  readonly moving?: boolean;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}
