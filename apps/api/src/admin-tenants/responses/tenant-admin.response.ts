import { Feature, type TenantAdminView, Tier } from '@tenantpay/tenancy';
import { TenantAdminDomainResponse } from './tenant-admin-domain.response';
import { TenantLimitOverridesResponse } from './tenant-limit-overrides.response';
import { TenantLimitsResponse } from './tenant-limits.response';
import { TenantSettingsResponse } from './tenant-settings.response';

/** A tenant as super-admins see it: everything, including domain verification tokens. */
export class TenantAdminResponse implements TenantAdminView {
  /** @example "665f1c2ab3e4d5f6a7b8c9d3" */
  readonly id!: string;
  /** Its subdomain under the base domain. @example "example-bank" */
  readonly slug!: string;
  /** @example "Example Bank" */
  readonly name!: string;
  readonly tier!: Tier;
  /** False while suspended. */
  readonly isActive!: boolean;
  /** When the tenant was archived (read-only), or null. */
  readonly archivedAt!: string | null;
  /** When offboarding deleted the tenant's data, or null. */
  readonly offboardedAt!: string | null;
  /** What applies: the tier's limits with the overrides. */
  readonly limits!: TenantLimitsResponse;
  readonly limitOverrides!: TenantLimitOverridesResponse;
  readonly features!: Feature[];
  readonly domains!: TenantAdminDomainResponse[];
  readonly settings!: TenantSettingsResponse;
  /**
   * The MongoDB placement holding the tenant's data: `shared` or a dedicated cluster's name. Read-only: only a
   * placement move changes it. @example "shared"
   */
  readonly placement!: string;
  readonly createdAt!: string;
  readonly updatedAt!: string;
}
