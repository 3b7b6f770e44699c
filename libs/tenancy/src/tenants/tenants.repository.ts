import { Injectable } from '@nestjs/common';
import { SHARED_PLACEMENT } from '@tenantpay/platform';
import { InjectModel } from '@nestjs/mongoose';
import { isValidObjectId, type Model, type QueryFilter, Types, type UpdateQuery } from 'mongoose';
import type { TenantLimitName, TenantLimits } from '../tiers/limit';
import type { Tier } from '../tiers/tier.enum';
import type { Tenant } from './tenant';
import { DomainStatus, type TenantDomain } from './tenant-domain';
import type { TenantBranding, TenantPaymentWorkflow, TenantSettings } from './tenant-settings';
import { TENANT_MODEL } from './tenant.schema';
import { tenantSearchFilter } from './tenant-search-filter';

export interface NewTenant {
  readonly slug: string;
  readonly name: string;
  readonly tier: Tier;
  readonly settings: TenantSettings;
  readonly limits?: Partial<TenantLimits>;
}

/** A change and the tenant before and after it: cache invalidation needs the keys of both. */
export interface TenantChange {
  readonly before: Tenant;
  readonly after: Tenant;
}

export interface TenantListFilter {
  readonly limit: number;
  readonly startingAfter?: string;
  readonly tier?: Tier;
  readonly isActive?: boolean;
  /** The slug's start or part of the name (tenantSearchFilter). */
  readonly search?: string;
}

/**
 * The platform's `tenants` collection. Not tenant-owned (a tenant is the scope itself), so it is not a
 * TenantAwareRepository; only the tenant lookup cache and tenant administration use it. Unique-index
 * violations (slug, domain) surface as the driver's duplicate-key error for the caller to translate.
 */
@Injectable()
export class TenantsRepository {
  constructor(@InjectModel(TENANT_MODEL) private readonly model: Model<Tenant>) {}

  async findById(id: string): Promise<Tenant | null> {
    if (!isObjectIdHex(id)) return null;
    return this.model
      .findOne({ _id: new Types.ObjectId(id) })
      .lean<Tenant>()
      .exec();
  }

  /** The tenants among `ids` that exist, in no particular order; ids that are not tenant ids match nothing. */
  findByIds(ids: readonly string[]): Promise<Tenant[]> {
    const objectIds = ids.filter(isObjectIdHex).map((id) => new Types.ObjectId(id));
    return this.model
      .find({ _id: { $in: objectIds } })
      .lean<Tenant[]>()
      .exec();
  }

  /**
   * The placement of every tenant placed on one of `placements` (dedicated ones), by tenant id: platform reads
   * use it to read each tenant only on its current placement (a moved tenant's old copy stays behind until its
   * retention ends).
   */
  async placedOn(placements: readonly string[]): Promise<ReadonlyMap<string, string>> {
    if (placements.length === 0) return new Map();
    const tenants = await this.model
      .find({ placement: { $in: [...placements] } }, { _id: 1, placement: 1 })
      .lean<Pick<Tenant, '_id' | 'placement'>[]>()
      .exec();
    return new Map(tenants.map((tenant) => [tenant._id.toHexString(), tenant.placement ?? SHARED_PLACEMENT]));
  }

  findBySlug(slug: string): Promise<Tenant | null> {
    return this.model.findOne({ slug }).lean<Tenant>().exec();
  }

  /** Only a verified domain resolves: a pending one may have been claimed by someone who does not own it. */
  findByVerifiedDomain(hostname: string): Promise<Tenant | null> {
    return this.model
      .findOne({ domains: { $elemMatch: { hostname, status: DomainStatus.Verified } } })
      .lean<Tenant>()
      .exec();
  }

  async insert(tenant: NewTenant): Promise<Tenant> {
    const created = await this.model.create({ ...tenant, isActive: true, domains: [] });
    return created.toObject<Tenant>();
  }

  /** One page, newest first, in a stable order (by id), after the given id when there is one. */
  list(filter: TenantListFilter): Promise<Tenant[]> {
    const query: QueryFilter<Tenant> = {};
    if (filter.startingAfter !== undefined && isObjectIdHex(filter.startingAfter)) {
      query._id = { $lt: new Types.ObjectId(filter.startingAfter) };
    }
    if (filter.tier !== undefined) query.tier = filter.tier;
    if (filter.isActive !== undefined) query.isActive = filter.isActive;
    if (filter.search !== undefined) Object.assign(query, tenantSearchFilter(filter.search));
    return this.model.find(query).sort({ _id: -1 }).limit(filter.limit).lean<Tenant[]>().exec();
  }

  changeTier(id: string, tier: Tier): Promise<TenantChange | null> {
    return this.change(id, {}, { $set: { tier } });
  }

  changeSlug(id: string, slug: string): Promise<TenantChange | null> {
    return this.change(id, {}, { $set: { slug } });
  }

  setActive(id: string, isActive: boolean): Promise<TenantChange | null> {
    return this.change(id, {}, { $set: { isActive } });
  }

  rename(id: string, name: string): Promise<TenantChange | null> {
    return this.change(id, {}, { $set: { name } });
  }

  /** After offboarding deleted its data: suspended (every route refuses it) and marked, for good. */
  markOffboarded(id: string, offboardedAt: Date): Promise<TenantChange | null> {
    return this.change(id, {}, { $set: { isActive: false, offboardedAt } });
  }

  /** Flags a placement move under way (or over); null when the tenant does not exist. */
  setMoving(id: string, moving: boolean): Promise<TenantChange | null> {
    return this.change(id, {}, { $set: { moving } });
  }

  /**
   * The switch of a placement move: one conditional update, so it happens only from the placement the move
   * copied from and only while the tenant is flagged moving. Null when it did not happen.
   */
  switchPlacement(id: string, from: string, to: string): Promise<TenantChange | null> {
    return this.change(id, { placement: from, moving: true }, { $set: { placement: to } });
  }

  /** Archives (a date) or unarchives (null); archiving again keeps the first date. */
  setArchived(id: string, archivedAt: Date | null): Promise<TenantChange | null> {
    const condition: QueryFilter<Tenant> = archivedAt === null ? {} : { archivedAt: null };
    return this.change(id, condition, { $set: { archivedAt } });
  }

  /** Overrides to set, and `null` for overrides to remove (the tier's default applies again). */
  setLimitOverrides(
    id: string,
    overrides: Partial<Record<TenantLimitName, TenantLimits[TenantLimitName] | null>>,
  ) {
    const set: Record<string, unknown> = {};
    const unset: Record<string, ''> = {};
    for (const [name, value] of Object.entries(overrides)) {
      if (value === null) unset[`limits.${name}`] = '';
      else if (value !== undefined) set[`limits.${name}`] = value;
    }
    return this.change(
      id,
      {},
      {
        ...(Object.keys(set).length > 0 ? { $set: set } : {}),
        ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}),
      },
    );
  }

  /** Replaces the whole payment workflow; null when the tenant does not exist. */
  replacePaymentWorkflow(id: string, workflow: TenantPaymentWorkflow): Promise<TenantChange | null> {
    return this.change(id, {}, { $set: { 'settings.paymentWorkflow': workflow } });
  }

  /** Replaces the whole branding object; null when the tenant does not exist. */
  replaceBranding(id: string, branding: TenantBranding): Promise<TenantChange | null> {
    return this.change(id, {}, { $set: { 'settings.branding': branding } });
  }

  /** Null when the tenant does not exist or already has this domain. */
  addDomain(id: string, domain: TenantDomain): Promise<TenantChange | null> {
    return this.change(id, { 'domains.hostname': { $ne: domain.hostname } }, { $push: { domains: domain } });
  }

  /** Null when the tenant does not exist or has no such domain. */
  removeDomain(id: string, hostname: string): Promise<TenantChange | null> {
    return this.change(
      id,
      { 'domains.hostname': hostname },
      { $pull: { domains: { hostname }, verifiedDomains: hostname } },
    );
  }

  /**
   * Null when the tenant does not exist or has no such domain; a duplicate-key error when another tenant has
   * verified it (the unique index on `verifiedDomains`), so two verifications of one hostname cannot both win.
   */
  markDomainVerified(id: string, hostname: string, verifiedAt: Date): Promise<TenantChange | null> {
    return this.change(
      id,
      { 'domains.hostname': hostname },
      {
        $set: { 'domains.$.status': DomainStatus.Verified, 'domains.$.verifiedAt': verifiedAt },
        $addToSet: { verifiedDomains: hostname },
      },
    );
  }

  /** The tenants other than `exceptId` holding a pending claim of `hostname`. */
  async pendingClaimantsOf(hostname: string, exceptId: string): Promise<string[]> {
    const claimants = await this.model
      .find(
        {
          _id: { $ne: new Types.ObjectId(exceptId) },
          domains: { $elemMatch: { hostname, status: DomainStatus.Pending } },
        },
        { _id: 1 },
      )
      .lean<Pick<Tenant, '_id'>[]>()
      .exec();
    return claimants.map((tenant) => tenant._id.toHexString());
  }

  /** Drops the tenant's pending claim of `hostname`; null when it has none (removed or verified meanwhile). */
  releasePendingDomain(id: string, hostname: string): Promise<TenantChange | null> {
    return this.change(
      id,
      { domains: { $elemMatch: { hostname, status: DomainStatus.Pending } } },
      { $pull: { domains: { hostname, status: DomainStatus.Pending } } },
    );
  }

  private async change(
    id: string,
    condition: QueryFilter<Tenant>,
    update: UpdateQuery<Tenant>,
  ): Promise<TenantChange | null> {
    if (!isObjectIdHex(id)) return null;
    const _id = new Types.ObjectId(id);
    const before = await this.model
      .findOneAndUpdate({ ...condition, _id }, update, { returnDocument: 'before', runValidators: true })
      .lean<Tenant>()
      .exec();
    if (before === null) return null;
    const after = await this.model.findOne({ _id }).lean<Tenant>().exec();
    // Deleted between the two reads: report the change against the last known state.
    return { before, after: after ?? before };
  }
}

/** Only the canonical 24-hex form: Mongoose would also accept 12-byte strings, which are not tenant ids. */
export function isObjectIdHex(value: string): boolean {
  return /^[0-9a-f]{24}$/.test(value) && isValidObjectId(value);
}
