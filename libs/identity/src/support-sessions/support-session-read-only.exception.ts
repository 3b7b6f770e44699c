import { DomainException, ErrorCode } from '@tenantpay/platform';

export class SupportSessionReadOnlyException extends DomainException {
  constructor() {
    super(ErrorCode.SupportSessionReadOnly, 'A support session may only read.');
  }
}
