import { createConsoleSession } from '../../session/console-session';
import { platformApi, renewPlatformAccessToken } from '../api/platform-api';
import { type Operator, toOperator } from './operator';

/**
 * The operator's session on the platform host: the staff console's life cycle over the platform's auth routes.
 * The refresh cookie is host-only on `admin.{BASE_DOMAIN}`, so no tenant host ever receives it.
 */
const platformSession = createConsoleSession<Operator>({
  loadUser: async () => toOperator(await platformApi.GET('/v1/platform/auth/me')),
  logout: () => platformApi.POST('/v1/platform/auth/logout'),
  renew: renewPlatformAccessToken,
});

export const PlatformSessionProvider = platformSession.SessionProvider;
export const usePlatformSession = platformSession.useSession;
/** The signed-in operator, for screens that only render inside a session. */
export const useOperator = platformSession.useSignedInUser;
