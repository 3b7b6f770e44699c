/**
 * The single-use token an email link carries (`/?token=…#/accept-invitation`). Read once when the page opens,
 * then removed from the address bar (the hash route stays), so it is neither kept in the history nor shown
 * over a shoulder; the server never logs query strings.
 */
export function takeEmailLinkToken(): string | null {
  const query = new URLSearchParams(window.location.search);
  const token = query.get('token');
  if (query.size > 0)
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.hash}`);
  return token === null || token.trim() === '' ? null : token;
}
