import type { StaffUser } from '../session/staff-user';
import type { ConsoleRoute } from './console-route';

/** Whether the user may open a screen: yes, not with their role, or not in the tenant's tier. */
export type RouteAccess = 'open' | 'role' | 'tier';

export function routeAccess(route: ConsoleRoute, user: StaffUser): RouteAccess {
  if (!route.roles.includes(user.role)) return 'role';
  if (route.feature !== undefined && !user.features.includes(route.feature)) return 'tier';
  return 'open';
}
