import { DomainException, ErrorCode } from '@tenantpay/platform';
import type { InvitationStatus } from './invitation-status.enum';

/** Resend or revoke of an invitation that was already accepted, revoked or expired. */
export class InvitationNotPendingException extends DomainException {
  constructor(status: InvitationStatus) {
    super(
      ErrorCode.Conflict,
      `This invitation is ${status}; only pending invitations can be resent or revoked.`,
      [{ field: 'status', issue: status }],
    );
  }
}
