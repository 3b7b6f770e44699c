import { Inject, Injectable } from '@nestjs/common';
import {
  type AppConfig,
  APP_CONFIG,
  isDuplicateKeyError,
  type ListEnvelope,
  listEnvelope,
  ValidationException,
} from '@tenantpay/platform';
import { randomBytes } from 'node:crypto';
import { TenantLookupService } from '../cache/tenant-lookup.service';
import { TenantContextService } from '../context/tenant-context.service';
import { FeatureNotInTierException } from '../http/feature-not-in-tier.exception';
import { auditActorOf } from '../resolution/audit-actor';
import { SECURITY_AUDIT_SINK, type SecurityAuditSink } from '../resolution/security-audit-sink';
import {
  TenancyAuditAction,
  type TenancyAuditActionName,
} from '../resolution/tenancy-audit-actions.constant';
import { parseTenantHost } from '../resolution/tenant-host';
import { slugProblem } from '../tenants/slug';
import type { Tenant } from '../tenants/tenant';
import { DomainStatus } from '../tenants/tenant-domain';
import { TenantNotFoundException } from '../tenants/tenant-not-found.exception';
import type { TenantBranding, TenantPaymentWorkflow } from '../tenants/tenant-settings';
import { type TenantChange, TenantsRepository } from '../tenants/tenants.repository';
import { Feature } from '../tiers/feature.enum';
import type { TenantLimitName, TenantLimits } from '../tiers/limit';
import { TIER_PLANS } from '../tiers/tier-plans.constant';
import type { Tier } from '../tiers/tier.enum';
import { TenantConflictException } from './tenant-conflict.exception';
import { TenantDomainNotFoundException } from './tenant-domain-not-found.exception';
import { type TenantAdminView, toTenantAdminView } from './tenant-admin-view';

export interface CreateTenantInput {
  readonly slug: string;
  readonly name: string;
  readonly tier: Tier;
  readonly branding?: TenantBranding;
  readonly limits?: LimitOverridesInput;
}

export type LimitOverridesInput = Partial<Record<TenantLimitName, TenantLimits[TenantLimitName] | null>>;

const MAX_PAGE = 100;

const RELEASE_PENDING_CLAIMS_REASON = "release other tenants' pending claims of a domain just verified";

/**
 * Platform administration of tenants (SPEC §10), for super-admins. Every change drops every cache entry of
 * the tenant's state before and after it, on every instance, before answering, and is audited.
 */
@Injectable()
export class TenantAdminService {
  constructor(
    private readonly tenants: TenantsRepository,
    private readonly lookup: TenantLookupService,
    private readonly tenantContext: TenantContextService,
    @Inject(SECURITY_AUDIT_SINK) private readonly audit: SecurityAuditSink,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(input: CreateTenantInput): Promise<TenantAdminView> {
    assertSlug(input.slug);
    let created: Tenant;
    try {
      created = await this.tenants.insert({
        slug: input.slug,
        name: input.name,
        tier: input.tier,
        settings: { branding: { ...(input.branding ?? {}) }, paymentWorkflow: {} },
        ...(input.limits !== undefined ? { limits: withoutNulls(input.limits) } : {}),
      });
    } catch (error) {
      if (isDuplicateKeyError(error))
        throw new TenantConflictException('A tenant with this slug already exists.');
      throw error;
    }
    // The slug may be cached as "not found" from before it existed.
    await this.lookup.invalidate(created);
    await this.record(TenancyAuditAction.TenantCreated, created, { slug: created.slug, tier: created.tier });
    return toTenantAdminView(created);
  }

  async get(id: string): Promise<TenantAdminView> {
    const tenant = await this.tenants.findById(id);
    if (tenant === null) throw new TenantNotFoundException();
    return toTenantAdminView(tenant);
  }

  /** Several tenants in one query (reports joining tenant details onto per-tenant figures); unknown ids are left out. */
  async getMany(ids: readonly string[]): Promise<TenantAdminView[]> {
    return (await this.tenants.findByIds(ids)).map(toTenantAdminView);
  }

  async list(filter: {
    limit?: number;
    startingAfter?: string;
    tier?: Tier;
    isActive?: boolean;
    search?: string;
  }): Promise<ListEnvelope<TenantAdminView>> {
    const limit = Math.min(Math.max(filter.limit ?? 20, 1), MAX_PAGE);
    const page = await this.tenants.list({ ...filter, limit: limit + 1 });
    return listEnvelope(page.slice(0, limit).map(toTenantAdminView), page.length > limit);
  }

  async changeTier(id: string, tier: Tier): Promise<TenantAdminView> {
    const change = await this.tenants.changeTier(id, tier);
    return this.applied(change, TenancyAuditAction.TenantTierChanged, (c) => ({
      from: c.before.tier,
      to: c.after.tier,
    }));
  }

  async changeSlug(id: string, slug: string): Promise<TenantAdminView> {
    assertSlug(slug);
    let change: TenantChange | null;
    try {
      change = await this.tenants.changeSlug(id, slug);
    } catch (error) {
      if (isDuplicateKeyError(error))
        throw new TenantConflictException('A tenant with this slug already exists.');
      throw error;
    }
    return this.applied(change, TenancyAuditAction.TenantSlugChanged, (c) => ({
      from: c.before.slug,
      to: c.after.slug,
    }));
  }

  /** The display name only; the slug has its own change (changeSlug), which re-keys every cached lookup. */
  async rename(id: string, name: string): Promise<TenantAdminView> {
    const change = await this.tenants.rename(id, name);
    return this.applied(change, TenancyAuditAction.TenantRenamed, (c) => ({
      from: c.before.name,
      to: c.after.name,
    }));
  }

  /**
   * Makes the tenant read-only (TenantGuard refuses every write on its routes, TenantJobRunner refuses new
   * work for it), on every instance before answering. Archiving an archived tenant changes nothing.
   */
  async archive(id: string): Promise<TenantAdminView> {
    const change = await this.tenants.setArchived(id, new Date());
    if (change === null) return this.get(id);
    return this.applied(change, TenancyAuditAction.TenantArchived);
  }

  async unarchive(id: string): Promise<TenantAdminView> {
    await this.refuseIfOffboarded(id);
    return this.applied(await this.tenants.setArchived(id, null), TenancyAuditAction.TenantUnarchived);
  }

  /**
   * The last step of offboarding, once its data is deleted: the tenant is suspended for good (unarchiving or
   * activating it again would give back an empty tenant under a known slug) and every cached copy dropped.
   */
  async markOffboarded(id: string, metadata: Record<string, unknown>): Promise<TenantAdminView> {
    const change = await this.tenants.markOffboarded(id, new Date());
    return this.applied(change, TenancyAuditAction.TenantOffboarded, () => metadata);
  }

  async suspend(id: string): Promise<TenantAdminView> {
    return this.applied(await this.tenants.setActive(id, false), TenancyAuditAction.TenantSuspended);
  }

  async activate(id: string): Promise<TenantAdminView> {
    await this.refuseIfOffboarded(id);
    return this.applied(await this.tenants.setActive(id, true), TenancyAuditAction.TenantActivated);
  }

  async setLimitOverrides(id: string, overrides: LimitOverridesInput): Promise<TenantAdminView> {
    const change = await this.tenants.setLimitOverrides(id, overrides);
    return this.applied(change, TenancyAuditAction.TenantLimitsChanged, (c) => ({
      from: { ...(c.before.limits ?? {}) },
      to: { ...(c.after.limits ?? {}) },
    }));
  }

  /** Replaces the tenant's white-label branding (fields left out are removed). */
  async updateBranding(id: string, branding: TenantBranding): Promise<TenantAdminView> {
    const change = await this.tenants.replaceBranding(id, withoutUndefined(branding));
    return this.applied(change, TenancyAuditAction.TenantBrandingChanged, () => ({
      fields: Object.keys(withoutUndefined(branding)),
    }));
  }

  /**
   * Replaces the tenant's custom payment workflow (callers validate it: the rules are the payments library's).
   * Audited with the rules before and after; every cached copy of the tenant is dropped before answering, so
   * the next payment on any instance is checked against the new rules.
   */
  async replacePaymentWorkflow(id: string, workflow: TenantPaymentWorkflow): Promise<TenantAdminView> {
    const change = await this.tenants.replacePaymentWorkflow(id, workflow);
    return this.applied(change, TenancyAuditAction.TenantPaymentWorkflowChanged, (c) => ({
      from: structuredClone(c.before.settings?.paymentWorkflow ?? {}),
      to: structuredClone(c.after.settings?.paymentWorkflow ?? {}),
    }));
  }

  /**
   * Registers a custom domain as PENDING with a fresh verification token (published by the tenant in a
   * DNS TXT record). It resolves to the tenant only once verified. A pending claim holds nothing: other
   * tenants may claim the same hostname, and the first to verify it wins (see verifyDomain). One another
   * tenant has verified is refused.
   */
  async addDomain(id: string, host: string): Promise<TenantAdminView> {
    const hostname = this.customDomain(host);
    const tenant = await this.tenants.findById(id);
    if (tenant === null) throw new TenantNotFoundException();
    if (!TIER_PLANS[tenant.tier].features.includes(Feature.WhiteLabel)) {
      throw new FeatureNotInTierException(Feature.WhiteLabel);
    }
    if ((await this.tenants.findByVerifiedDomain(hostname)) !== null) {
      throw new TenantConflictException('This domain is already registered.');
    }
    const change = await this.tenants.addDomain(id, {
      hostname,
      status: DomainStatus.Pending,
      verificationToken: randomBytes(24).toString('base64url'),
      verifiedAt: null,
      createdAt: new Date(),
    });
    if (change === null) throw new TenantConflictException('This domain is already registered.');
    return this.applied(change, TenancyAuditAction.TenantDomainAdded, () => ({ hostname }));
  }

  async removeDomain(id: string, host: string): Promise<TenantAdminView> {
    const hostname = this.customDomain(host);
    const change = await this.tenants.removeDomain(id, hostname);
    if (change === null) await this.domainMissing(id);
    return this.applied(change, TenancyAuditAction.TenantDomainRemoved, () => ({ hostname }));
  }

  /**
   * Marks a domain verified: either an explicit, audited decision of a super-admin who checked the
   * record (`manual`), or after the tenant's TXT record was found (`dns-txt`, see TenantDomainsService).
   */
  async verifyDomain(
    id: string,
    host: string,
    method: 'manual' | 'dns-txt' = 'manual',
  ): Promise<TenantAdminView> {
    const hostname = this.customDomain(host);
    let change: TenantChange | null;
    try {
      change = await this.tenants.markDomainVerified(id, hostname, new Date());
    } catch (error) {
      if (isDuplicateKeyError(error))
        throw new TenantConflictException('Another tenant has verified this domain.');
      throw error;
    }
    if (change === null) await this.domainMissing(id);
    const view = await this.applied(change, TenancyAuditAction.TenantDomainVerified, () => ({
      hostname,
      method,
    }));
    await this.releasePendingClaims(hostname, id);
    return view;
  }

  /**
   * Once a tenant has verified a hostname, the other tenants' pending claims of it can never be verified:
   * they are dropped, each on its tenant's own trail (the system's doing: the bank that verified is not
   * named to a tenant that may have been squatting its domain). Run in the platform scope, since the
   * verification runs in the verifying tenant's context. A claim added while this runs stays pending; its
   * verification then fails on the unique index (409) and its tenant can remove it.
   */
  private async releasePendingClaims(hostname: string, verifiedBy: string): Promise<void> {
    await this.tenantContext.runAsPlatform(RELEASE_PENDING_CLAIMS_REASON, async () => {
      for (const id of await this.tenants.pendingClaimantsOf(hostname, verifiedBy)) {
        const change = await this.tenants.releasePendingDomain(id, hostname);
        if (change === null) continue;
        await this.lookup.invalidate(change.before, change.after);
        await this.audit
          .record({
            action: TenancyAuditAction.TenantDomainRemoved,
            outcome: 'success',
            tenantId: id,
            actor: { type: 'system' },
            resource: { type: 'tenant', id },
            metadata: { hostname, reason: 'verified_by_another_tenant' },
          })
          .catch(() => undefined);
      }
    });
  }

  private async refuseIfOffboarded(id: string): Promise<void> {
    const tenant = await this.tenants.findById(id);
    if (tenant?.offboardedAt != null)
      throw new TenantConflictException('This tenant was offboarded: its data is deleted.');
  }

  /** Tells "no such tenant" from "no such domain" once a conditional domain change matched nothing. */
  private async domainMissing(id: string): Promise<never> {
    if ((await this.tenants.findById(id)) === null) throw new TenantNotFoundException();
    throw new TenantDomainNotFoundException();
  }

  private customDomain(host: string): string {
    const parsed = parseTenantHost(host, this.config.tenancy.baseDomain);
    if (parsed.kind !== 'custom-domain' || parsed.hostname !== host.trim().toLowerCase().replace(/\.$/, '')) {
      throw new ValidationException([
        {
          field: 'hostname',
          issue: `must be a DNS name outside ${this.config.tenancy.baseDomain}, without port`,
        },
      ]);
    }
    return parsed.hostname;
  }

  private async applied(
    change: TenantChange | null,
    action: TenancyAuditActionName,
    describe?: (change: TenantChange) => Record<string, unknown>,
  ): Promise<TenantAdminView> {
    if (change === null) throw new TenantNotFoundException();
    await this.lookup.invalidate(change.before, change.after);
    await this.record(action, change.after, describe?.(change));
    return toTenantAdminView(change.after);
  }

  private async record(action: TenancyAuditActionName, tenant: Tenant, metadata?: Record<string, unknown>) {
    const context = this.tenantContext.current();
    const principal = context?.principal ?? null;
    await this.audit
      .record({
        action,
        outcome: 'success',
        tenantId: tenant._id.toHexString(),
        actor: principal === null ? { type: 'system' } : auditActorOf(principal),
        resource: { type: 'tenant', id: tenant._id.toHexString() },
        ...(context?.requestId ? { requestId: context.requestId } : {}),
        ...(metadata !== undefined ? { metadata } : {}),
      })
      .catch(() => undefined);
  }
}

function withoutNulls(overrides: LimitOverridesInput): Partial<TenantLimits> {
  return Object.fromEntries(
    Object.entries(overrides).filter(([, value]) => value !== null && value !== undefined),
  );
}

function withoutUndefined(branding: TenantBranding): TenantBranding {
  return Object.fromEntries(Object.entries(branding).filter(([, value]) => value !== undefined));
}

function assertSlug(slug: string): void {
  const problem = slugProblem(slug);
  if (problem !== null) throw new ValidationException([{ field: 'slug', issue: problem }]);
}
