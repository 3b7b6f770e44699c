import { DomainException, ErrorCode } from '@tenantpay/platform';

/** A verified credential names a tenant that no longer exists: the credential is worthless. */
export class UnknownCredentialTenantException extends DomainException {
  constructor() {
    super(ErrorCode.Unauthorized, 'The credential is not valid.');
  }
}
