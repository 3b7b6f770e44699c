import type { TenantOwnedFields } from '@tenantpay/data-isolation';
import type { TenantUserRole } from '../users/tenant-user-role.enum';
import type { InvitationStatus } from './invitation-status.enum';

/**
 * An invitation to join a tenant (tenant-owned `invitations`). While pending it holds one of the tenant's user
 * seats. Only the SHA-256 of its token is stored; resending replaces the token and keeps the old hash in
 * `retiredTokenHashes`, so the old link answers "revoked" rather than "unknown".
 */
export interface Invitation extends TenantOwnedFields {
  email: string;
  name: string | null;
  role: TenantUserRole;
  tokenHash: string;
  retiredTokenHashes: string[];
  status: InvitationStatus;
  expiresAt: Date;
  /** Who invited: a user of the tenant or a platform operator (the first admin's invitation). */
  invitedBy: { type: 'user' | 'platform-user' | 'system'; id: string | null };
  acceptedAt: Date | null;
  acceptedUserId: string | null;
  revokedAt: Date | null;
  /** Set when it stops being pending (accepted, revoked, expired): MongoDB's TTL monitor deletes it then. */
  purgeAfter: Date | null;
}
