import { TenantUserRole } from '@tenantpay/identity';

/** Every staff role reads payments and batches (SPEC §5). */
export const PAYMENT_READER_ROLES = [
  TenantUserRole.Admin,
  TenantUserRole.Operator,
  TenantUserRole.Viewer,
] as const;

/** Admins and operators move money; viewers only read. */
export const PAYMENT_WRITER_ROLES = [TenantUserRole.Admin, TenantUserRole.Operator] as const;
