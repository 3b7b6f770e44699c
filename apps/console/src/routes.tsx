import { ApprovalsPage } from './features/approvals/approvals-page';
import { BulkPaymentsPage } from './features/bulk/bulk-payments-page';
import { DashboardPage } from './features/dashboard/dashboard-page';
import { PaymentDetailPage } from './features/payments/payment-detail-page';
import { PaymentListPage } from './features/payments/payment-list-page';
import type { ConsoleRoute } from './routing/console-route';
import { ALL_STAFF_ROLES, PAYMENT_WRITERS, TENANT_ADMINS } from './session/staff-user';

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
    path: '/approvals',
    title: 'Approvals',
    page: ApprovalsPage,
    roles: TENANT_ADMINS,
    feature: 'CUSTOM_WORKFLOWS',
    outsideTier: 'Four-eyes approval of payments is part of the Enterprise plan.',
    inNavigation: true,
  },
];
