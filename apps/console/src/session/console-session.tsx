import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { accessTokenStore } from '../api/access-token-store';
import { sessionEndSignal } from '../api/session-end-signal';

export type SessionState<User> =
  | { readonly status: 'resuming' }
  | { readonly status: 'signed-out'; readonly reason: string | null }
  | { readonly status: 'signed-in'; readonly user: User };

export interface Session<User> {
  readonly state: SessionState<User>;
  /** A session was opened (a sign-in, its second step, an accepted invitation): keep its token, load the user. */
  readonly opened: (accessToken: string) => Promise<void>;
  /** Ends the session on the server (every instance refuses its token from then on), then here. */
  readonly signOut: () => Promise<void>;
}

/** What differs between the staff console's session and the platform console's: who signs in, and the routes. */
export interface SessionRoutesOf<User> {
  /** Who the access token belongs to (`/v1/auth/me`, `/v1/platform/auth/me`), checked, never cast. */
  readonly loadUser: () => Promise<User>;
  readonly logout: () => Promise<unknown>;
  /** A new access token from the session's refresh cookie; false when there is no session to resume. */
  readonly renew: () => Promise<boolean>;
}

/**
 * A console's session as a Preact context: resume from the refresh cookie on a new tab or a reload, go back to
 * sign-in when the API refuses the credentials for good (a 401 renewal cannot cure), sign out on the server.
 * One life cycle for both consoles; each gives its own user and routes.
 */
export function createConsoleSession<User>(routes: SessionRoutesOf<User>) {
  const SessionContext = createContext<Session<User> | null>(null);

  function SessionProvider({ children }: { readonly children: ComponentChildren }) {
    const [state, setState] = useState<SessionState<User>>({ status: 'resuming' });

    const loadUser = useCallback(async () => {
      setState({ status: 'signed-in', user: await routes.loadUser() });
    }, []);

    useEffect(() => {
      const resume = async (): Promise<void> => {
        const hasToken =
          accessTokenStore.read() !== null ||
          (accessTokenStore.mayHaveSessionCookie() && (await routes.renew()));
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

    const session = useMemo<Session<User>>(
      () => ({
        state,
        opened: async (accessToken) => {
          accessTokenStore.store(accessToken);
          await loadUser();
        },
        signOut: async () => {
          try {
            await routes.logout();
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

  function useSession(): Session<User> {
    const session = useContext(SessionContext);
    if (session === null) throw new Error('useSession outside its SessionProvider');
    return session;
  }

  /** The signed-in user, for screens that only render inside a session. */
  function useSignedInUser(): User {
    const { state } = useSession();
    if (state.status !== 'signed-in') throw new Error('a signed-in screen rendered outside a session');
    return state.user;
  }

  return { SessionProvider, useSession, useSignedInUser };
}
