import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { accessTokenStore } from '../../api/access-token-store';
import { sessionEndSignal } from '../../api/session-end-signal';
import { platformApi, renewPlatformAccessToken } from '../api/platform-api';
import { type Operator, toOperator } from './operator';

export type PlatformSessionState =
  | { readonly status: 'resuming' }
  | { readonly status: 'signed-out'; readonly reason: string | null }
  | { readonly status: 'signed-in'; readonly operator: Operator };

export interface PlatformSession {
  readonly state: PlatformSessionState;
  /** A session was opened (a sign-in, an accepted invitation): keep its token and load the operator. */
  readonly opened: (accessToken: string) => Promise<void>;
  readonly signOut: () => Promise<void>;
}

const PlatformSessionContext = createContext<PlatformSession | null>(null);

/**
 * The operator's session on the platform host: the access token in this tab, the refresh token in the platform's
 * HttpOnly cookie (host-only on `admin.{BASE_DOMAIN}`, so no tenant host ever receives it). Same life cycle as the
 * staff console's session: resume from the cookie, end on a 401 that renewal cannot cure.
 */
export function PlatformSessionProvider({ children }: { readonly children: ComponentChildren }) {
  const [state, setState] = useState<PlatformSessionState>({ status: 'resuming' });

  const loadOperator = useCallback(async () => {
    setState({ status: 'signed-in', operator: toOperator(await platformApi.GET('/v1/platform/auth/me')) });
  }, []);

  useEffect(() => {
    const resume = async (): Promise<void> => {
      const hasToken =
        accessTokenStore.read() !== null ||
        (accessTokenStore.mayHaveSessionCookie() && (await renewPlatformAccessToken()));
      if (hasToken) await loadOperator();
      else setState({ status: 'signed-out', reason: null });
    };
    resume().catch(() => {
      accessTokenStore.forget();
      setState({ status: 'signed-out', reason: null });
    });
  }, [loadOperator]);

  useEffect(
    () =>
      sessionEndSignal.subscribe(() => {
        accessTokenStore.forget();
        setState({ status: 'signed-out', reason: 'Your session has ended. Please sign in again.' });
      }),
    [],
  );

  const session = useMemo<PlatformSession>(
    () => ({
      state,
      opened: async (accessToken) => {
        accessTokenStore.store(accessToken);
        await loadOperator();
      },
      signOut: async () => {
        try {
          await platformApi.POST('/v1/platform/auth/logout');
        } catch {
          // Already ended (or unreachable): the console forgets the session either way.
        }
        accessTokenStore.forgetSession();
        setState({ status: 'signed-out', reason: null });
      },
    }),
    [state, loadOperator],
  );
  return <PlatformSessionContext.Provider value={session}>{children}</PlatformSessionContext.Provider>;
}

export function usePlatformSession(): PlatformSession {
  const session = useContext(PlatformSessionContext);
  if (session === null) throw new Error('usePlatformSession outside PlatformSessionProvider');
  return session;
}

/** The signed-in operator, for screens that only render inside a session. */
export function useOperator(): Operator {
  const { state } = usePlatformSession();
  if (state.status !== 'signed-in') throw new Error('useOperator outside a session');
  return state.operator;
}
