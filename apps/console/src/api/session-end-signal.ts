/**
 * Tells the session that the API refused the tab's credentials for good (a 401 that a renewal could not cure:
 * signed out elsewhere, revoked, expired): whichever screen made the call, the console goes back to sign-in.
 */
const listeners = new Set<() => void>();

export const sessionEndSignal = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  raise(): void {
    for (const listener of listeners) listener();
  },
};
