import { DomainStatus, type TenantDomainView } from '@tenantpay/tenancy';
import { DomainVerificationRecordResponse } from './domain-verification-record.response';

/** A custom domain of the tenant, with the DNS record to publish before verifying it. */
export class TenantDomainResponse implements TenantDomainView {
  /** @example "pay.example-bank.com" */
  readonly hostname!: string;
  readonly status!: DomainStatus;
  readonly verificationToken!: string;
  readonly verificationRecord!: DomainVerificationRecordResponse;
  readonly verifiedAt!: string | null;
  readonly createdAt!: string;
}
