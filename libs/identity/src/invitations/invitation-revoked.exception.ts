import { DomainException, ErrorCode } from '@tenantpay/platform';

export class InvitationRevokedException extends DomainException {
  constructor() {
    super(
      ErrorCode.InvitationRevoked,
      'This invitation was revoked or replaced by a newer one. Use the latest invitation email, or ask your administrator.',
    );
  }
}
