/** Staff roles (SPEC §5): ADMIN manages the tenant, OPERATOR also moves money, VIEWER only reads. */
export type StaffRole = 'ADMIN' | 'OPERATOR' | 'VIEWER';

export const ALL_STAFF_ROLES: readonly StaffRole[] = ['ADMIN', 'OPERATOR', 'VIEWER'];
export const PAYMENT_WRITERS: readonly StaffRole[] = ['ADMIN', 'OPERATOR'];
export const TENANT_ADMINS: readonly StaffRole[] = ['ADMIN'];
/** `GET /v1/usage` admits admins and viewers (finance reads usage; operators move money). */
export const USAGE_READERS: readonly StaffRole[] = ['ADMIN', 'VIEWER'];

/** The signed-in staff member as `GET /v1/auth/me` describes a user, with the tenant's tier and features. */
export interface StaffUser {
  readonly id: string;
  readonly email: string;
  readonly role: StaffRole;
  readonly tenantId: string;
  readonly tier: string;
  readonly features: readonly string[];
}

/**
 * The document declares no body for `/v1/auth/me` yet (its controller returns a union the swagger plugin
 * cannot describe), so the console checks the fields it relies on instead of trusting a cast.
 */
export function toStaffUser(body: unknown): StaffUser {
  const fields = (body ?? {}) as Record<string, unknown>;
  const role = fields['role'];
  if (
    fields['kind'] !== 'user' ||
    typeof fields['id'] !== 'string' ||
    typeof fields['email'] !== 'string' ||
    typeof fields['tenantId'] !== 'string' ||
    typeof fields['tier'] !== 'string' ||
    !Array.isArray(fields['features']) ||
    !ALL_STAFF_ROLES.includes(role as StaffRole)
  )
    throw new Error('The server described the signed-in user in an unexpected shape.');
  return {
    id: fields['id'],
    email: fields['email'],
    role: role as StaffRole,
    tenantId: fields['tenantId'],
    tier: fields['tier'],
    features: (fields['features'] as unknown[]).filter((feature) => typeof feature === 'string'),
  };
}
