/**
 * The account a login attempt counts against (LoginAttemptLimiter), built in one place so that an admin's
 * unlock clears exactly the counter the logins fill. Emails are normalised (trimmed, lowercase) first.
 */
export function tenantLoginAccountKey(tenantId: string, email: string): string {
  return `tenant:${tenantId}:${normalizeLoginEmail(email)}`;
}

export function platformLoginAccountKey(email: string): string {
  return `platform:${normalizeLoginEmail(email)}`;
}

export function normalizeLoginEmail(email: string): string {
  return email.trim().toLowerCase();
}
