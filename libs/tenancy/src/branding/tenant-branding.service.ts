import { Injectable } from '@nestjs/common';
import { TenantAdminService } from '../admin/tenant-admin.service';
import { TenantContextService } from '../context/tenant-context.service';
import type { TenantBranding } from '../tenants/tenant-settings';
import { brandContrastWarnings } from './brand-contrast-warning';
import type { BrandingUpdate } from './branding-update';
import { type PublicBranding, toPublicBranding } from './public-branding';

/**
 * The white-label branding of the current request's tenant (SPEC §10). Reads come from the tenant
 * snapshot the request was resolved with (cached, invalidated on change); writes go through
 * TenantAdminService so every instance's caches drop the old branding before the answer.
 */
@Injectable()
export class TenantBrandingService {
  constructor(
    private readonly tenantContext: TenantContextService,
    private readonly admin: TenantAdminService,
  ) {}

  current(): PublicBranding {
    return toPublicBranding(this.tenantContext.getTenant());
  }

  /** Replaces the whole branding: fields left out return to their defaults. Faint colours are warned of. */
  async replace(branding: TenantBranding): Promise<BrandingUpdate> {
    const view = await this.admin.updateBranding(this.tenantContext.getTenantId(), branding);
    const shown = toPublicBranding({
      ...this.tenantContext.getTenant(),
      name: view.name,
      settings: view.settings,
    });
    return { ...shown, warnings: brandContrastWarnings(shown) };
  }
}
