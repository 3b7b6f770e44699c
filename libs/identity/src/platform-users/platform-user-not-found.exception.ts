import { DomainException, ErrorCode } from '@tenantpay/platform';

export class PlatformUserNotFoundException extends DomainException {
  constructor() {
    super(ErrorCode.NotFound, 'Platform user not found.');
  }
}
