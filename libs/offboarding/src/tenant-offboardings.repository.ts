import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isDuplicateKeyError } from '@tenantpay/platform';
import { type Model, Types } from 'mongoose';
import { OFFBOARDING_LEASE_MS, TENANT_OFFBOARDING_MODEL } from './offboarding.constant';
import type { TenantExportArchive } from './tenant-export-archive';
import type { TenantOffboarding } from './tenant-offboarding';
import { TenantOffboardingStatus } from './tenant-offboarding-status.enum';

/**
 * The platform's `tenant_offboardings` collection. The records are the work queue itself: the worker claims a
 * due step with one conditional update and a lease, so a lost job, a restart or two workers never export or
 * delete a tenant twice at once, and a step whose worker died is taken over once its lease runs out.
 */
@Injectable()
export class TenantOffboardingsRepository {
  constructor(@InjectModel(TENANT_OFFBOARDING_MODEL) private readonly model: Model<TenantOffboarding>) {}

  findByTenant(tenantId: string): Promise<TenantOffboarding | null> {
    return this.model
      .findOne({ tenantId: new Types.ObjectId(tenantId) })
      .lean<TenantOffboarding>()
      .exec();
  }

  /** The tenant's offboarding, created as requested unless it already exists (a repeated start changes nothing). */
  async createOrGet(
    tenantId: string,
    requestedBy: string,
    now: Date,
  ): Promise<{ record: TenantOffboarding; created: boolean }> {
    try {
      const created = await this.model.create({
        tenantId: new Types.ObjectId(tenantId),
        status: TenantOffboardingStatus.ExportRequested,
        requestedBy,
        requestedAt: now,
        notBefore: now,
      });
      return { record: created.toObject<TenantOffboarding>(), created: true };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await this.findByTenant(tenantId);
      if (existing === null) throw error;
      return { record: existing, created: false };
    }
  }

  claimExport(now: Date): Promise<TenantOffboarding | null> {
    return this.claim(
      [
        { status: TenantOffboardingStatus.ExportRequested, notBefore: { $lte: now } },
        { status: TenantOffboardingStatus.Exporting, leaseUntil: { $lte: now } },
      ],
      TenantOffboardingStatus.Exporting,
      now,
    );
  }

  claimDeletion(now: Date): Promise<TenantOffboarding | null> {
    return this.claim(
      [
        { status: TenantOffboardingStatus.Exported, deleteAfter: { $lte: now } },
        { status: TenantOffboardingStatus.Deleting, leaseUntil: { $lte: now } },
      ],
      TenantOffboardingStatus.Deleting,
      now,
    );
  }

  async markExported(
    id: Types.ObjectId,
    archive: TenantExportArchive,
    exportedAt: Date,
    deleteAfter: Date,
  ): Promise<void> {
    await this.model.updateOne(
      { _id: id, status: TenantOffboardingStatus.Exporting },
      {
        $set: {
          status: TenantOffboardingStatus.Exported,
          archive,
          exportedAt,
          deleteAfter,
          leaseUntil: null,
          lastError: null,
        },
      },
    );
  }

  /** Back to requested, retried from `retryAt`. */
  async markExportFailed(id: Types.ObjectId, message: string, retryAt: Date): Promise<void> {
    await this.model.updateOne(
      { _id: id, status: TenantOffboardingStatus.Exporting },
      {
        $set: {
          status: TenantOffboardingStatus.ExportRequested,
          notBefore: retryAt,
          leaseUntil: null,
          lastError: message.slice(0, 500),
        },
      },
    );
  }

  /** A failed deletion keeps its claim until the lease runs out, then is taken over and repeated. */
  async markOffboarded(
    id: Types.ObjectId,
    deleted: Record<string, number>,
    offboardedAt: Date,
    archiveDeleteAfter: Date,
  ): Promise<void> {
    await this.model.updateOne(
      { _id: id, status: TenantOffboardingStatus.Deleting },
      {
        $set: {
          status: TenantOffboardingStatus.Offboarded,
          deleted,
          offboardedAt,
          archiveDeleteAfter,
          leaseUntil: null,
          lastError: null,
        },
      },
    );
  }

  /** Offboarded tenants whose archive file is due for deletion and not deleted yet (oldest first). */
  dueArchiveDeletions(now: Date): Promise<TenantOffboarding[]> {
    return this.model
      .find({
        status: TenantOffboardingStatus.Offboarded,
        archiveDeletedAt: null,
        archiveDeleteAfter: { $lte: now },
      })
      .sort({ archiveDeleteAfter: 1 })
      .lean<TenantOffboarding[]>()
      .exec();
  }

  /**
   * Records the archive's deletion; true for the one sweep that recorded it (two workers may both unlink the
   * file, which is harmless, but only one audits it).
   */
  async markArchiveDeleted(id: Types.ObjectId, deletedAt: Date): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: id, status: TenantOffboardingStatus.Offboarded, archiveDeletedAt: null },
      { $set: { archiveDeletedAt: deletedAt } },
    );
    return result.modifiedCount === 1;
  }

  private claim(
    due: Record<string, unknown>[],
    status: TenantOffboardingStatus,
    now: Date,
  ): Promise<TenantOffboarding | null> {
    return this.model
      .findOneAndUpdate(
        { $or: due },
        { $set: { status, leaseUntil: new Date(now.getTime() + OFFBOARDING_LEASE_MS) } },
        { returnDocument: 'after', sort: { requestedAt: 1 } },
      )
      .lean<TenantOffboarding>()
      .exec();
  }
}
