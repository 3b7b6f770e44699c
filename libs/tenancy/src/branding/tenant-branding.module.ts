import { Module } from '@nestjs/common';
import { TenantBrandingService } from './tenant-branding.service';

/** Branding of the request's tenant. Needs the global TenancyModule (TenantAdminService, context). */
@Module({ providers: [TenantBrandingService], exports: [TenantBrandingService] })
export class TenantBrandingModule {}
