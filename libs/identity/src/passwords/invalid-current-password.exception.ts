import { DomainException, ErrorCode } from '@tenantpay/platform';

/** 400, not 401: the caller is signed in; only the confirmation of the current password failed. */
export class InvalidCurrentPasswordException extends DomainException {
  constructor() {
    super(ErrorCode.InvalidCurrentPassword, 'The current password is not correct.', [
      { field: 'currentPassword', issue: 'incorrect' },
    ]);
  }
}
