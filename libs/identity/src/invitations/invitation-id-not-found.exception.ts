import { DomainException, ErrorCode } from '@tenantpay/platform';

/** An admin named an invitation id this tenant does not have (another tenant's answers the same). */
export class InvitationIdNotFoundException extends DomainException {
  constructor() {
    super(ErrorCode.NotFound, 'Invitation not found.');
  }
}
