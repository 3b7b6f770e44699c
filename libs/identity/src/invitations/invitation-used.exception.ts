import { DomainException, ErrorCode } from '@tenantpay/platform';

export class InvitationUsedException extends DomainException {
  constructor() {
    super(ErrorCode.InvitationUsed, 'This invitation was already accepted. Sign in instead.');
  }
}
