/**
 * The single-use token of an emailed link (`?token=`), taken out of the address bar at once so it does not stay
 * in the history or in a screenshot; null when the link carries none.
 */
export function takeLinkToken(location: Location, history: History): string | null {
  const token = new URLSearchParams(location.search).get('token');
  if (location.search !== '') history.replaceState(null, '', location.pathname);
  return token === null || token.trim() === '' ? null : token.trim();
}
