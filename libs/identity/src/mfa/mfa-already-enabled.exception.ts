import { DomainException, ErrorCode } from '@tenantpay/platform';

/** Enrolling again while a factor is active would silently replace it: disable it first. */
export class MfaAlreadyEnabledException extends DomainException {
  constructor() {
    super(ErrorCode.Conflict, 'Multi-factor authentication is already enabled; disable it first.');
  }
}
