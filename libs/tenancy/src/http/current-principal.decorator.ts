import { createParamDecorator } from '@nestjs/common';
import type { Principal } from '../context/principal';
import { TenantContextService } from '../context/tenant-context.service';

const tenantContext = new TenantContextService();

/** The verified caller, or null on a public route called without a credential. */
export const CurrentPrincipal = createParamDecorator(
  (): Principal | null => tenantContext.current()?.principal ?? null,
);
