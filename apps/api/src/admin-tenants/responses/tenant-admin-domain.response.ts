import { DomainStatus, type TenantAdminView } from '@tenantpay/tenancy';
import { DomainVerificationRecordResponse } from '../../tenant-domains/responses/domain-verification-record.response';

/** A custom domain of a tenant, as super-admins see it. */
export class TenantAdminDomainResponse implements Readonly<TenantAdminView['domains'][number]> {
  readonly hostname!: string;
  readonly status!: DomainStatus;
  readonly verificationToken!: string;
  readonly verificationRecord!: DomainVerificationRecordResponse;
  readonly verifiedAt!: string | null;
  readonly createdAt!: string;
}
