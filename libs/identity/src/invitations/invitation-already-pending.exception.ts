import { DomainException, ErrorCode } from '@tenantpay/platform';

export class InvitationAlreadyPendingException extends DomainException {
  constructor() {
    super(ErrorCode.Conflict, 'A pending invitation for this email exists; resend it instead.', [
      { field: 'email', issue: 'already invited' },
    ]);
  }
}
