import type { DomainException } from '@tenantpay/platform';
import { InvitationExpiredException } from './invitation-expired.exception';
import { InvitationNotFoundException } from './invitation-not-found.exception';
import { InvitationRevokedException } from './invitation-revoked.exception';
import { InvitationStatus } from './invitation-status.enum';
import { InvitationUsedException } from './invitation-used.exception';

/** Why a token cannot be accepted: for the audit trail (each maps to its own error code). */
export type InvitationAcceptFailure = 'unknown_token' | 'retired_token' | 'expired' | 'used' | 'revoked';

/** What the check reads of an invitation, a tenant's or the platform's. */
export interface AcceptableInvitation {
  readonly tokenHash: string;
  readonly status: InvitationStatus;
  readonly expiresAt: Date;
}

/**
 * Whether the invitation found by a token's hash (current or retired by a resend) can be accepted now; the
 * failure otherwise. One rule for tenant and platform invitations.
 */
export function invitationAcceptFailure(
  invitation: AcceptableInvitation | null,
  hash: string,
  now: Date,
): InvitationAcceptFailure | null {
  if (invitation === null) return 'unknown_token';
  if (invitation.tokenHash !== hash) return 'retired_token';
  if (invitation.status === InvitationStatus.Accepted) return 'used';
  if (invitation.status === InvitationStatus.Revoked) return 'revoked';
  if (invitation.status === InvitationStatus.Expired || invitation.expiresAt.getTime() <= now.getTime())
    return 'expired';
  return null;
}

/** The error a failure answers with: 404 `invitation_not_found`, 410 `invitation_used`/`_expired`/`_revoked`. */
export function invitationAcceptRefusal(failure: InvitationAcceptFailure): DomainException {
  switch (failure) {
    case 'unknown_token':
      return new InvitationNotFoundException();
    case 'used':
      return new InvitationUsedException();
    case 'expired':
      return new InvitationExpiredException();
    case 'retired_token':
    case 'revoked':
      return new InvitationRevokedException();
  }
}
