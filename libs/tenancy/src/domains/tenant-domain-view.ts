import type { TenantAdminView } from '../admin/tenant-admin-view';
import type { DomainStatus } from '../tenants/tenant-domain';

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
    verificationRecord: domain.verificationRecord,
    verifiedAt: domain.verifiedAt,
    createdAt: domain.createdAt,
  };
}
