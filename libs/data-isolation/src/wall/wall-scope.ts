import type { TenantContextService } from '@tenantpay/tenancy';
import type { Types } from 'mongoose';
import { toTenantObjectId } from '../guards/tenant-object-id';

/** Who a command is sent for: one tenant, the audited platform scope, or nobody (boot, health, public routes). */
export type WallScope =
  | { readonly kind: 'tenant'; readonly tenantId: Types.ObjectId; readonly key: string }
  | { readonly kind: 'platform'; readonly key: 'platform' }
  | { readonly kind: 'none'; readonly key: 'none' };

const PLATFORM: WallScope = { kind: 'platform', key: 'platform' };
const NONE: WallScope = { kind: 'none', key: 'none' };

/** Read through the context service's accessors only, so the wall follows however the scope is carried. */
export function currentWallScope(context: TenantContextService): WallScope {
  if (context.hasContext()) {
    const tenantId = toTenantObjectId(context.getTenantId());
    return { kind: 'tenant', tenantId, key: `tenant:${tenantId.toHexString()}` };
  }
  return context.platformScope() === undefined ? NONE : PLATFORM;
}
