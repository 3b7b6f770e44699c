/**
 * Whether a 401 means the access token is expired or ended (`unauthorized`), which one renewal may cure. Other
 * 401s judge what the user typed — a wrong MFA code (`invalid_mfa_code`) — and must reach the screen as they
 * are: renewing and retrying would send the same wrong code again, then end a perfectly good session.
 */
export async function isRenewableRefusal(response: Response): Promise<boolean> {
  if (response.status !== 401) return false;
  try {
    const body: unknown = await response.clone().json();
    return (
      typeof body === 'object' && body !== null && (body as { error?: unknown }).error === 'unauthorized'
    );
  } catch {
    // Not the API's error shape (a proxy's page): treat as an expired token, as before the codes were read.
    return true;
  }
}
