import type { TenantAdminView } from '../admin/tenant-admin-view';
import type { DomainStatus } from '../tenants/tenant-domain';
import { domainVerificationRecordName } from './domain-verification.constant';

/** A custom domain as its own tenant's admins see it, with the DNS record they must publish. */
export interface TenantDomainView {
  readonly hostname: string;
  readonly status: DomainStatus;
  readonly verificationToken: string;
  readonly verificationRecord: { readonly type: 'TXT'; readonly name: string; readonly value: string };
  readonly verifiedAt: string | null;
  readonly createdAt: string;
}

export function toTenantDomainView(domain: TenantAdminView['domains'][number]): TenantDomainView {
  return {
    hostname: domain.hostname,
    status: domain.status,
    verificationToken: domain.verificationToken,
    verificationRecord: {
      type: 'TXT',
      name: domainVerificationRecordName(domain.hostname),
      value: domain.verificationToken,
    },
    verifiedAt: domain.verifiedAt,
    createdAt: domain.createdAt,
  };
}
