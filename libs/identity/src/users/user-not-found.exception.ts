import { DomainException, ErrorCode } from '@tenantpay/platform';

/** No such user in the caller's tenant; another tenant's user id answers exactly the same. */
export class UserNotFoundException extends DomainException {
  constructor() {
    super(ErrorCode.NotFound, 'User not found.');
  }
}
