import { ACCESS_TOKEN_STORAGE_KEY, SESSION_COOKIE_HINT_KEY } from '../console.constant';

/**
 * The signed-in tab's credentials: the access token in sessionStorage (gone when the tab closes), and whether
 * a refresh cookie may exist (localStorage, shared by the host's tabs, so a new tab can resume the session).
 */
export const accessTokenStore = {
  read: (): string | null => sessionStorage.getItem(ACCESS_TOKEN_STORAGE_KEY),
  store(token: string): void {
    sessionStorage.setItem(ACCESS_TOKEN_STORAGE_KEY, token);
    localStorage.setItem(SESSION_COOKIE_HINT_KEY, '1');
  },
  mayHaveSessionCookie: (): boolean => localStorage.getItem(SESSION_COOKIE_HINT_KEY) !== null,
  forget(): void {
    sessionStorage.removeItem(ACCESS_TOKEN_STORAGE_KEY);
  },
  forgetSession(): void {
    sessionStorage.removeItem(ACCESS_TOKEN_STORAGE_KEY);
    localStorage.removeItem(SESSION_COOKIE_HINT_KEY);
  },
};
