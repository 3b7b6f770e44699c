import { Inject, Injectable } from '@nestjs/common';
import type { TenantAdminView } from '../admin/tenant-admin-view';
import { TenantAdminService } from '../admin/tenant-admin.service';
import { TenantDomainNotFoundException } from '../admin/tenant-domain-not-found.exception';
import { TenantContextService } from '../context/tenant-context.service';
import { auditActorOf } from '../resolution/audit-actor';
import { SECURITY_AUDIT_SINK, type SecurityAuditSink } from '../resolution/security-audit-sink';
import { TenancyAuditAction } from '../resolution/tenancy-audit-actions.constant';
import { normalizeHostname } from '../tenants/hostname';
import { DomainStatus } from '../tenants/tenant-domain';
import { DNS_TXT_RESOLVER, type DnsTxtResolver } from './dns-txt-resolver';
import { domainVerificationRecordName } from './domain-verification.constant';
import { DomainVerificationFailedException } from './domain-verification-failed.exception';
import { type TenantDomainView, toTenantDomainView } from './tenant-domain-view';

/**
 * Custom domains of the current request's tenant, managed by its own admins (SPEC §10, ENTERPRISE).
 * The tenant is always the context's, never a caller-supplied id, and every change goes through
 * TenantAdminService: one place that enforces the tier, the one-tenant-per-verified-domain rule (a unique
 * index; a pending claim holds nothing, and the first tenant to verify a hostname wins it), cache
 * invalidation and auditing.
 */
@Injectable()
export class TenantDomainsService {
  constructor(
    private readonly tenantContext: TenantContextService,
    private readonly admin: TenantAdminService,
    @Inject(DNS_TXT_RESOLVER) private readonly dns: DnsTxtResolver,
    @Inject(SECURITY_AUDIT_SINK) private readonly audit: SecurityAuditSink,
  ) {}

  async list(): Promise<TenantDomainView[]> {
    const tenant = await this.admin.get(this.tenantContext.getTenantId());
    return tenant.domains.map(toTenantDomainView);
  }

  async add(host: string): Promise<TenantDomainView> {
    const tenant = await this.admin.addDomain(this.tenantContext.getTenantId(), host);
    return this.domainOf(tenant.domains, host);
  }

  /**
   * Marks the domain verified once its TXT record carries the token. Repeating it on a verified domain
   * changes nothing. Failures are audited too: repeated failures on a domain are worth seeing.
   */
  verify(host: string): Promise<TenantDomainView> {
    return this.verifyByDns(this.tenantContext.getTenantId(), host);
  }

  /**
   * The same DNS check for a tenant named by id: what a platform operator runs for a tenant (the route is
   * `@BypassTenantIsolation`, so there is no tenant context to take it from).
   */
  async verifyByDns(tenantId: string, host: string): Promise<TenantDomainView> {
    const domain = this.domainOf((await this.admin.get(tenantId)).domains, host);
    if (domain.status === DomainStatus.Verified) return domain;

    let records: string[][];
    try {
      records = await this.dns.resolveTxt(domainVerificationRecordName(domain.hostname));
    } catch {
      await this.recordFailure(tenantId, domain.hostname, 'dns_unavailable');
      throw new DomainVerificationFailedException(domain.hostname, 'dns_unavailable');
    }
    // A TXT record longer than 255 bytes arrives split into character-strings: joined, it is one value.
    if (!records.some((chunks) => chunks.join('').trim() === domain.verificationToken)) {
      await this.recordFailure(tenantId, domain.hostname, 'record_missing');
      throw new DomainVerificationFailedException(domain.hostname, 'record_missing');
    }
    const verified = await this.admin.verifyDomain(tenantId, domain.hostname, 'dns-txt');
    return this.domainOf(verified.domains, domain.hostname);
  }

  async remove(host: string): Promise<void> {
    await this.admin.removeDomain(this.tenantContext.getTenantId(), host);
  }

  private domainOf(domains: TenantAdminView['domains'], host: string): TenantDomainView {
    const hostname = normalizeHostname(host);
    const domain = domains.find((candidate) => candidate.hostname === hostname);
    if (domain === undefined) throw new TenantDomainNotFoundException();
    return toTenantDomainView(domain);
  }

  private async recordFailure(tenantId: string, hostname: string, reason: string): Promise<void> {
    const context = this.tenantContext.current();
    const principal = context?.principal ?? null;
    await this.audit
      .record({
        action: TenancyAuditAction.TenantDomainVerified,
        outcome: 'failure',
        tenantId,
        actor: principal === null ? { type: 'system' } : auditActorOf(principal),
        resource: { type: 'tenant', id: tenantId },
        ...(context?.requestId ? { requestId: context.requestId } : {}),
        metadata: { hostname, method: 'dns-txt', reason },
      })
      .catch(() => undefined);
  }
}
