import { DomainException, ErrorCode } from '@tenantpay/platform';

export class OffboardingArchiveNotReadyException extends DomainException {
  constructor() {
    super(ErrorCode.Conflict, 'The export archive is not written yet; its status says when it is.');
  }
}
