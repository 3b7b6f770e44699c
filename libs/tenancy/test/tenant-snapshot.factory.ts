import { Types } from 'mongoose';

import { toTenantSnapshot, type TenantSnapshot } from '../src/tenants/tenant-snapshot';
import { Tier } from '../src/tiers/tier.enum';

/** An active tenant as the cache hands it out, for the library's unit specs; a new id on every call. */
export function testTenantSnapshot(slug = 'bank-a', tier: Tier = Tier.Starter): TenantSnapshot {
  const now = new Date();
  return toTenantSnapshot({
    _id: new Types.ObjectId(),
    slug,
    name: slug,
    tier,
    isActive: true,
    domains: [],
    settings: { branding: {}, paymentWorkflow: {} },
    createdAt: now,
    updatedAt: now,
  });
}
