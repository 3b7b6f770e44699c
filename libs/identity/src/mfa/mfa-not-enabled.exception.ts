import { DomainException, ErrorCode } from '@tenantpay/platform';

/** Confirming with no enrolment started, or disabling / regenerating codes with no active factor. */
export class MfaNotEnabledException extends DomainException {
  constructor(message = 'Multi-factor authentication is not enabled.') {
    super(ErrorCode.Conflict, message);
  }
}
