import { DomainException, ErrorCode } from '@tenantpay/platform';

export class EmailAlreadyRegisteredException extends DomainException {
  constructor() {
    super(ErrorCode.Conflict, 'A user with this email already exists.', [
      { field: 'email', issue: 'already registered' },
    ]);
  }
}
