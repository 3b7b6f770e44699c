import { DomainException, ErrorCode } from '@tenantpay/platform';

/** A write on an archived tenant: its data may be read and exported, never changed, until it is unarchived. */
export class TenantArchivedException extends DomainException {
  constructor() {
    super(ErrorCode.TenantArchived, 'This tenant is archived: it is read-only.');
  }
}
