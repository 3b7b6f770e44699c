import { DomainException, ErrorCode } from '@tenantpay/platform';

export class InvitationExpiredException extends DomainException {
  constructor() {
    super(
      ErrorCode.InvitationExpired,
      'This invitation has expired. Ask your administrator to send a new one.',
    );
  }
}
