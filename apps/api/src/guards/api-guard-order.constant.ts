import type { CanActivate, Type } from '@nestjs/common';
import { SupportSessionGuard } from '@tenantpay/identity';
import { AuthenticationGuard, FeatureGuard, RolesGuard, ScopesGuard, TenantGuard } from '@tenantpay/tenancy';
import { ApiRateLimitGuard } from '../rate-limiting/api-rate-limit.guard';
import { UsageMeteringGuard } from '../usage/usage-metering.guard';

/**
 * The API's guards in the order they run (SPEC §2 steps 3–5), the one place that order is stated:
 * - authentication first, so an unauthenticated caller learns nothing about whether a tenant exists;
 * - the tenant guard next (credential's tenant = request's tenant, suspension, platform routes), so the
 *   authorization guards only ever judge a caller acting for its own tenant;
 * - support sessions right after it: every use audited, anything but a read refused;
 * - roles, API-key scopes and tier features;
 * - the rate limit, so only authorized requests spend the tenant's quota;
 * - usage metering (SPEC §2 step 6), which never refuses: it meters only what every guard admitted.
 */
export const API_GUARD_ORDER: readonly Type<CanActivate>[] = [
  AuthenticationGuard,
  TenantGuard,
  SupportSessionGuard,
  RolesGuard,
  ScopesGuard,
  FeatureGuard,
  ApiRateLimitGuard,
  UsageMeteringGuard,
];
