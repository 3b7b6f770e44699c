import { createParamDecorator } from '@nestjs/common';
import { TenantContextService } from '../context/tenant-context.service';
import type { TenantSnapshot } from '../tenants/tenant-snapshot';

// The context service is stateless (its storage is module-wide), so a private instance reads the same context.
const tenantContext = new TenantContextService();

/** The current request's tenant; only on tenant routes (the guards guarantee there is one). */
export const CurrentTenant = createParamDecorator((): TenantSnapshot => tenantContext.getTenant());
