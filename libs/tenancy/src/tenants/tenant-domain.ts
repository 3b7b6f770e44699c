export enum DomainStatus {
  Pending = 'PENDING',
  Verified = 'VERIFIED',
}

/** A custom domain a tenant serves its white-label site on; it resolves to the tenant only once verified. */
export interface TenantDomain {
  readonly hostname: string;
  readonly status: DomainStatus;
  /** Published by the tenant in a DNS TXT record to prove it controls the domain. */
  readonly verificationToken: string;
  readonly verifiedAt: Date | null;
  readonly createdAt: Date;
}
