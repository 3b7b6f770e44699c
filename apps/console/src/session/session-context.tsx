import { consoleApi } from '../api/console-api';
import { renewAccessToken } from '../api/renew-access-token';
import { createConsoleSession } from './console-session';
import { type StaffUser, toStaffUser } from './staff-user';

/** The staff console's session: a tenant user, over the tenant's auth routes (`/v1/auth/...`). */
const staffSession = createConsoleSession<StaffUser>({
  loadUser: async () => toStaffUser(await consoleApi.GET('/v1/auth/me')),
  logout: () => consoleApi.POST('/v1/auth/logout'),
  renew: renewAccessToken,
});

export const SessionProvider = staffSession.SessionProvider;
export const useSession = staffSession.useSession;
/** The signed-in staff member, for screens that only render inside a session. */
export const useStaffUser = staffSession.useSignedInUser;
