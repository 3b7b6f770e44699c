import { DomainException, ErrorCode } from '@tenantpay/platform';

export class InvitationNotFoundException extends DomainException {
  constructor() {
    super(
      ErrorCode.InvitationNotFound,
      'This invitation link is not valid for this organisation. Ask your administrator for a new invitation.',
    );
  }
}
