import { DomainException, ErrorCode } from '@tenantpay/platform';

export class SupportSessionNotFoundException extends DomainException {
  constructor() {
    super(ErrorCode.NotFound, 'No active support session with this id.');
  }
}
