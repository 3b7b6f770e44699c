import { Schema } from 'mongoose';
import { TENANT_OFFBOARDING_COLLECTION } from './offboarding.constant';
import type { TenantOffboarding } from './tenant-offboarding';
import { TenantOffboardingStatus } from './tenant-offboarding-status.enum';

const exportedCollectionSchema = new Schema(
  {
    name: { type: String, required: true },
    entry: { type: String, required: true },
    documents: { type: Number, required: true },
    bytes: { type: Number, required: true },
    sha256: { type: String, required: true },
  },
  { _id: false },
);

const archiveSchema = new Schema(
  {
    fileName: { type: String, required: true },
    bytes: { type: Number, required: true },
    sha256: { type: String, required: true },
    collections: { type: [exportedCollectionSchema], required: true },
  },
  { _id: false },
);

export const TenantOffboardingSchema = new Schema<TenantOffboarding>(
  {
    tenantId: { type: Schema.Types.ObjectId, required: true, immutable: true },
    status: { type: String, enum: Object.values(TenantOffboardingStatus), required: true },
    requestedBy: { type: String, required: true },
    requestedAt: { type: Date, required: true },
    leaseUntil: { type: Date, default: null },
    notBefore: { type: Date, required: true },
    archive: { type: archiveSchema, default: null },
    exportedAt: { type: Date, default: null },
    deleteAfter: { type: Date, default: null },
    offboardedAt: { type: Date, default: null },
    archiveDeleteAfter: { type: Date, default: null },
    archiveDeletedAt: { type: Date, default: null },
    deleted: { type: Schema.Types.Mixed, default: null },
    lastError: { type: String, default: null },
  },
  {
    collection: TENANT_OFFBOARDING_COLLECTION,
    timestamps: true,
    strict: 'throw',
    strictQuery: 'throw',
    minimize: false,
  },
);

// Status and download by tenant: `findOne({ tenantId })`; unique so one tenant is offboarded once.
TenantOffboardingSchema.index({ tenantId: 1 }, { unique: true });
// The worker's claims: `findOneAndUpdate({ status, notBefore / deleteAfter / leaseUntil <= now })`, and its
// archive deletions: `find({ status: 'offboarded', archiveDeletedAt: null, archiveDeleteAfter <= now })`.
TenantOffboardingSchema.index({ status: 1, notBefore: 1 });
