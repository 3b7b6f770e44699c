/** The signed-in platform operator as `GET /v1/platform/auth/me` describes one. */
export interface Operator {
  readonly id: string;
  readonly email: string;
  readonly role: string;
}

/**
 * The document declares the body as a union of identities, so the console checks that it is a platform user's
 * (a tenant user's token is refused by the route anyway) instead of trusting a cast.
 */
export function toOperator(body: unknown): Operator {
  const fields = (body ?? {}) as Record<string, unknown>;
  if (
    fields['kind'] !== 'platform-user' ||
    typeof fields['id'] !== 'string' ||
    typeof fields['email'] !== 'string' ||
    typeof fields['role'] !== 'string'
  )
    throw new Error('The server described the signed-in operator in an unexpected shape.');
  return { id: fields['id'], email: fields['email'], role: fields['role'] };
}
