import { AccountPage } from './features/account/account-page';
import { ApiKeysPage } from './features/api-keys/api-keys-page';
import { ApprovalsPage } from './features/approvals/approvals-page';
import { AuditPage } from './features/audit/audit-page';
import { BrandingPage } from './features/branding/branding-page';
import { BulkPaymentsPage } from './features/bulk/bulk-payments-page';
import { PaymentBatchDetailPage } from './features/bulk/payment-batch-detail-page';
import { DashboardPage } from './features/dashboard/dashboard-page';
import { PaymentDetailPage } from './features/payments/payment-detail-page';
import { PaymentListPage } from './features/payments/payment-list-page';
import { UsageExportPage } from './features/usage/usage-export-page';
import { UsersPage } from './features/users/users-page';
import { WebhooksPage } from './features/webhooks/webhooks-page';
import type { ConsoleRoute } from './routing/console-route';
import { ALL_STAFF_ROLES, PAYMENT_WRITERS, TENANT_ADMINS, USAGE_READERS } from './session/staff-user';

/**
 * Every screen of the staff console, in navigation order: the one place a screen is registered. A screen
 * outside the tenant's tier stays listed, marked, and explains itself; a screen outside the user's role is
 * left out of the navigation and says so when its address is opened.
 */
export const CONSOLE_ROUTES: readonly ConsoleRoute[] = [
  { path: '/', title: 'Dashboard', page: DashboardPage, roles: ALL_STAFF_ROLES, inNavigation: true },
  { path: '/payments', title: 'Payments', page: PaymentListPage, roles: ALL_STAFF_ROLES, inNavigation: true },
  {
    path: '/payments/:id',
    title: 'Payment',
    page: PaymentDetailPage,
    roles: ALL_STAFF_ROLES,
    inNavigation: false,
  },
  {
    path: '/bulk',
    title: 'Bulk payments',
    page: BulkPaymentsPage,
    roles: PAYMENT_WRITERS,
    feature: 'BULK_PAYMENTS',
    outsideTier: 'Bulk payments from a CSV or JSON file are part of the Professional and Enterprise plans.',
    inNavigation: true,
  },
  {
    path: '/bulk/:id',
    title: 'Payment batch',
    page: PaymentBatchDetailPage,
    roles: PAYMENT_WRITERS,
    feature: 'BULK_PAYMENTS',
    outsideTier: 'Bulk payments from a CSV or JSON file are part of the Professional and Enterprise plans.',
    inNavigation: false,
  },
  {
    path: '/approvals',
    title: 'Approvals',
    page: ApprovalsPage,
    roles: TENANT_ADMINS,
    feature: 'CUSTOM_WORKFLOWS',
    outsideTier: 'Four-eyes approval of payments is part of the Enterprise plan.',
    inNavigation: true,
  },
  { path: '/users', title: 'Users', page: UsersPage, roles: TENANT_ADMINS, inNavigation: true },
  {
    path: '/api-keys',
    title: 'API keys',
    page: ApiKeysPage,
    roles: TENANT_ADMINS,
    feature: 'API_KEYS',
    outsideTier: 'API keys for integrations are part of the Enterprise plan.',
    inNavigation: true,
  },
  { path: '/webhooks', title: 'Webhooks', page: WebhooksPage, roles: TENANT_ADMINS, inNavigation: true },
  {
    path: '/branding',
    title: 'Branding',
    page: BrandingPage,
    roles: TENANT_ADMINS,
    feature: 'WHITE_LABEL',
    outsideTier: 'Your own name, colours, logo and domains are part of the Enterprise plan.',
    inNavigation: true,
  },
  { path: '/audit', title: 'Audit log', page: AuditPage, roles: TENANT_ADMINS, inNavigation: true },
  {
    path: '/usage',
    title: 'Usage and billing',
    page: UsageExportPage,
    roles: USAGE_READERS,
    inNavigation: true,
  },
  { path: '/account', title: 'Account', page: AccountPage, roles: ALL_STAFF_ROLES, inNavigation: true },
];
