import { SHARED_PLACEMENT } from '@tenantpay/platform';
import { Schema } from 'mongoose';
import { type Limit, TENANT_LIMIT_NAMES, UNLIMITED } from '../tiers/limit';
import { Tier } from '../tiers/tier.enum';
import type { Tenant } from './tenant';
import { DomainStatus } from './tenant-domain';

export const TENANT_COLLECTION = 'tenants';
export const TENANT_MODEL = 'Tenant';

const isLimit = (value: unknown): value is Limit =>
  value === UNLIMITED || (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0);

const domainSchema = new Schema(
  {
    hostname: { type: String, required: true, lowercase: true, trim: true },
    status: {
      type: String,
      enum: Object.values(DomainStatus),
      required: true,
      default: DomainStatus.Pending,
    },
    verificationToken: { type: String, required: true },
    verifiedAt: { type: Date, default: null },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { _id: false },
);

const amountLimitSchema = new Schema(
  {
    currency: { type: String, required: true },
    maxAmount: { type: Number, validate: Number.isSafeInteger },
    approvalThreshold: { type: Number, validate: Number.isSafeInteger },
  },
  { _id: false },
);

const limitsSchema = new Schema(
  Object.fromEntries(
    TENANT_LIMIT_NAMES.map((name) => [
      name,
      {
        type: Schema.Types.Mixed,
        validate: { validator: isLimit, message: `${name} must be a count or "unlimited"` },
      },
    ]),
  ),
  { _id: false },
);

export const TenantSchema = new Schema<Tenant>(
  {
    slug: { type: String, required: true, lowercase: true, trim: true },
    name: { type: String, required: true, trim: true, maxlength: 200 },
    tier: { type: String, enum: Object.values(Tier), required: true },
    isActive: { type: Boolean, required: true, default: true },
    archivedAt: { type: Date, default: null },
    offboardedAt: { type: Date, default: null },
    domains: { type: [domainSchema], default: [] },
    verifiedDomains: { type: [String], default: undefined },
    settings: {
      branding: {
        displayName: String,
        logoUrl: String,
        primaryColor: String,
        secondaryColor: String,
        supportEmail: String,
        supportUrl: String,
        locale: String,
      },
      paymentWorkflow: {
        allowedMethods: { type: [String], default: undefined },
        allowedCurrencies: { type: [String], default: undefined },
        amountLimits: { type: [amountLimitSchema], default: undefined },
      },
    },
    limits: { type: limitsSchema, default: undefined },
    placement: { type: String, required: true, default: SHARED_PLACEMENT },
    moving: { type: Boolean, required: true, default: false },
  },
  { collection: TENANT_COLLECTION, timestamps: true, strict: 'throw', strictQuery: 'throw', minimize: false },
);

// Resolution by subdomain: `findOne({ slug })`; unique because a host names exactly one tenant.
TenantSchema.index({ slug: 1 }, { unique: true });
// Resolution by custom domain, `findOne({ domains: { $elemMatch: { hostname, status: VERIFIED } } })`, and a
// verification's release of other tenants' pending claims of its hostname (status PENDING). Not unique: a
// pending claim holds nothing, or whoever added a bank's domain first would keep the bank from claiming it.
TenantSchema.index({ 'domains.hostname': 1, 'domains.status': 1 });
// One tenant per verified domain: `markDomainVerified`'s `$addToSet` fails on another tenant's. Only documents
// holding a verified domain are indexed (an empty array would be one key shared by every other tenant).
TenantSchema.index(
  { verifiedDomains: 1 },
  { unique: true, partialFilterExpression: { verifiedDomains: { $type: 'string' } } },
);
// Platform listing: `find().sort({ createdAt: -1 })` filtered by tier and state.
TenantSchema.index({ tier: 1, isActive: 1, createdAt: -1 });
// Cross-placement platform reads: `find({ placement: { $in: <dedicated names> } })`.
TenantSchema.index({ placement: 1 });
