import { PlatformAccountPage } from './features/account/platform-account-page';
import { AnalyticsPage } from './features/analytics/analytics-page';
import { PlatformAuditPage } from './features/audit/platform-audit-page';
import { BillingExportPage } from './features/billing/billing-export-page';
import { DeadLettersPage } from './features/dead-letters/dead-letters-page';
import { OperatorsPage } from './features/operators/operators-page';
import { TenantDetailPage } from './features/tenants/tenant-detail-page';
import { TenantsPage } from './features/tenants/tenants-page';
import type { PlatformRoute } from './platform-route';

/** Every screen of the platform console, in navigation order: the one place a screen is registered. */
export const PLATFORM_ROUTES: readonly PlatformRoute[] = [
  { path: '/', title: 'Tenants', page: TenantsPage, inNavigation: true, crossTenant: true },
  { path: '/tenants/:id', title: 'Tenant', page: TenantDetailPage, inNavigation: false, crossTenant: true },
  { path: '/analytics', title: 'Analytics', page: AnalyticsPage, inNavigation: true, crossTenant: true },
  {
    path: '/billing',
    title: 'Billing export',
    page: BillingExportPage,
    inNavigation: true,
    crossTenant: true,
  },
  {
    path: '/dead-letters',
    title: 'Dead letters',
    page: DeadLettersPage,
    inNavigation: true,
    crossTenant: true,
  },
  { path: '/operators', title: 'Operators', page: OperatorsPage, inNavigation: true, crossTenant: false },
  { path: '/audit', title: 'Audit log', page: PlatformAuditPage, inNavigation: true, crossTenant: true },
  { path: '/account', title: 'Account', page: PlatformAccountPage, inNavigation: true, crossTenant: false },
];
