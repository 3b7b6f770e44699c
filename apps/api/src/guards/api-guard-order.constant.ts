import type { CanActivate, Type } from '@nestjs/common';
import { SupportSessionGuard } from '@tenantpay/identity';
import { AuthenticationGuard, FeatureGuard, RolesGuard, ScopesGuard, TenantGuard } from '@tenantpay/tenancy';
import { ApiRateLimitGuard } from '../rate-limiting/api-rate-limit.guard';

/**
 * The API's guards in the order they run (SPEC §2 steps 3–5), the one place that order is stated:
 * - authentication first, so an unauthenticated caller learns nothing about whether a tenant exists;
 * - the tenant guard next (credential's tenant = request's tenant, suspension, platform routes), so the
 *   authorization guards only ever judge a caller acting for its own tenant;
 * - support sessions right after it: every use audited, anything but a read refused;
 * - roles, API-key scopes and tier features;
 * - the rate limit last, so only authorized requests spend the tenant's quota.
 */
export const API_GUARD_ORDER: readonly Type<CanActivate>[] = [
  AuthenticationGuard,
  TenantGuard,
  SupportSessionGuard,
  RolesGuard,
  ScopesGuard,
  FeatureGuard,
  ApiRateLimitGuard,
];
