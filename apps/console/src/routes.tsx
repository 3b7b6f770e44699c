import { DashboardPage } from './features/dashboard/dashboard-page';
import type { ConsoleRoute } from './routing/console-route';
import { ALL_STAFF_ROLES } from './session/staff-user';

/**
 * Every screen of the staff console, in navigation order: the one place a screen is registered. A screen
 * outside the tenant's tier stays listed, marked, and explains itself; a screen outside the user's role is
 * left out of the navigation and says so when its address is opened.
 */
export const CONSOLE_ROUTES: readonly ConsoleRoute[] = [
  { path: '/', title: 'Dashboard', page: DashboardPage, roles: ALL_STAFF_ROLES, inNavigation: true },
];
