import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { accessTokenStore } from '../api/access-token-store';
import { consoleApi } from '../api/console-api';
import { renewAccessToken } from '../api/renew-access-token';
import { sessionEndSignal } from '../api/session-end-signal';
import { type StaffUser, toStaffUser } from './staff-user';

export type SessionState =
  | { readonly status: 'resuming' }
  | { readonly status: 'signed-out'; readonly reason: string | null }
  | { readonly status: 'signed-in'; readonly user: StaffUser };

export interface Session {
  readonly state: SessionState;
  /** A session was opened (after the password, or the second step): keep its token and load the user. */
  readonly opened: (accessToken: string) => Promise<void>;
  /** Ends the session on the server (every instance refuses its token from then on), then here. */
  readonly signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { readonly children: ComponentChildren }) {
  const [state, setState] = useState<SessionState>({ status: 'resuming' });

  const loadUser = useCallback(async () => {
    setState({ status: 'signed-in', user: toStaffUser(await consoleApi.GET('/v1/auth/me')) });
  }, []);

  useEffect(() => {
    // A new tab, or a reload after the tab's token was lost: the refresh cookie, if any, resumes the session.
    const resume = async (): Promise<void> => {
      const hasToken =
        accessTokenStore.read() !== null ||
        (accessTokenStore.mayHaveSessionCookie() && (await renewAccessToken()));
      if (hasToken) await loadUser();
      else setState({ status: 'signed-out', reason: null });
    };
    resume().catch(() => {
      accessTokenStore.forget();
      setState({ status: 'signed-out', reason: null });
    });
  }, [loadUser]);

  useEffect(
    () =>
      sessionEndSignal.subscribe(() => {
        accessTokenStore.forget();
        setState({ status: 'signed-out', reason: 'Your session has ended. Please sign in again.' });
      }),
    [],
  );

  const session = useMemo<Session>(
    () => ({
      state,
      opened: async (accessToken) => {
        accessTokenStore.store(accessToken);
        await loadUser();
      },
      signOut: async () => {
        try {
          await consoleApi.POST('/v1/auth/logout');
        } catch {
          // Already ended (or unreachable): the console forgets the session either way.
        }
        accessTokenStore.forgetSession();
        setState({ status: 'signed-out', reason: null });
      },
    }),
    [state, loadUser],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user, for screens that only render inside a session. */
export function useStaffUser(): StaffUser {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useStaffUser outside a session');
  return state.user;
}
