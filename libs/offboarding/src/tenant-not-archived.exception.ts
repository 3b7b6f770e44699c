import { DomainException, ErrorCode } from '@tenantpay/platform';

export class TenantNotArchivedException extends DomainException {
  constructor() {
    super(
      ErrorCode.TenantNotArchived,
      'Archive the tenant before offboarding it: the export must see its final data.',
    );
  }
}
