import { DomainException, ErrorCode } from '@tenantpay/platform';

/** No such live session of the user (another user's session answers the same). */
export class SessionNotFoundException extends DomainException {
  constructor() {
    super(ErrorCode.NotFound, 'No such session.');
  }
}
