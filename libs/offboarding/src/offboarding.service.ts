import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditAction, type AuditActionName, AuditService } from '@tenantpay/audit';
import { TenantOwnedDataService } from '@tenantpay/data-isolation';
import {
  APP_CONFIG,
  type AppConfig,
  REDIS_CLIENT,
  type RedisClient,
  redisMasters,
} from '@tenantpay/platform';
import {
  ResolutionMethod,
  TenantAdminService,
  TenantContextService,
  TenantLookupService,
  type TenantSnapshot,
} from '@tenantpay/tenancy';
import { createReadStream, type ReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { OFFBOARDING_RETRY_DELAY_MS } from './offboarding.constant';
import { OffboardingArchiveDeletedException } from './offboarding-archive-deleted.exception';
import { OffboardingArchiveNotReadyException } from './offboarding-archive-not-ready.exception';
import { OffboardingNotFoundException } from './offboarding-not-found.exception';
import type { TenantOffboarding } from './tenant-offboarding';
import { type TenantOffboardingView, toTenantOffboardingView } from './tenant-offboarding-view';
import { TenantNotArchivedException } from './tenant-not-archived.exception';
import { TenantOffboardingsRepository } from './tenant-offboardings.repository';
import { writeTenantArchive } from './write-tenant-archive';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Keys scanned per SCAN call while deleting a tenant's Redis keys. */
const REDIS_SCAN_COUNT = 500;

/** What one sweep did. */
export interface OffboardingSweepResult {
  readonly exported: number;
  readonly offboarded: number;
  readonly archivesDeleted: number;
}

export interface OffboardingArchiveDownload {
  readonly stream: ReadStream;
  readonly fileName: string;
  readonly bytes: number;
  readonly sha256: string;
}

/**
 * Offboarding a tenant (issue 13 §6): a super-admin starts it once the tenant is archived; the worker exports
 * every tenant-owned collection into one archive with a checksum, super-admins download it, and after the
 * retention period the worker deletes the tenant's data from every tenant-owned collection and its Redis keys,
 * and marks the tenant offboarded. The archive itself is the tenant's data too: its own retention period after
 * the deletion, the worker deletes the file and records when. Every step is audited on the tenant's trail.
 */
@Injectable()
export class OffboardingService {
  private readonly logger = new Logger(OffboardingService.name);

  constructor(
    private readonly offboardings: TenantOffboardingsRepository,
    private readonly data: TenantOwnedDataService,
    private readonly tenantAdmin: TenantAdminService,
    private readonly lookup: TenantLookupService,
    private readonly tenantContext: TenantContextService,
    private readonly audit: AuditService,
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Starts (or, when already started, shows) the tenant's offboarding. */
  async start(tenantId: string, operatorId: string): Promise<TenantOffboardingView> {
    const tenant = await this.tenantAdmin.get(tenantId);
    if (tenant.archivedAt === null && tenant.offboardedAt === null) throw new TenantNotArchivedException();
    const { record, created } = await this.offboardings.createOrGet(tenant.id, operatorId, new Date());
    if (created) {
      await this.record(AuditAction.TenantOffboardingStarted, tenant.id, 'success', {
        actor: { type: 'platform-user', id: operatorId },
      });
    }
    return toTenantOffboardingView(record);
  }

  async status(tenantId: string): Promise<TenantOffboardingView> {
    return toTenantOffboardingView(await this.find(tenantId));
  }

  /** The archive as a stream, once written; every download is audited. */
  async openArchive(tenantId: string, operatorId: string): Promise<OffboardingArchiveDownload> {
    const record = await this.find(tenantId);
    if (record.archiveDeletedAt !== null)
      throw new OffboardingArchiveDeletedException(record.archiveDeletedAt);
    if (record.archive === null) throw new OffboardingArchiveNotReadyException();
    const path = join(this.config.offboarding.archiveDir, record.archive.fileName);
    try {
      await stat(path);
    } catch {
      throw new OffboardingNotFoundException('The export archive is no longer kept.');
    }
    await this.record(AuditAction.TenantOffboardingArchiveDownloaded, tenantId, 'success', {
      actor: { type: 'platform-user', id: operatorId },
      metadata: { fileName: record.archive.fileName, sha256: record.archive.sha256 },
    });
    const { fileName, bytes, sha256 } = record.archive;
    return { stream: createReadStream(path), fileName, bytes, sha256 };
  }

  /**
   * The worker's sweep: every requested export, then every deletion whose retention period is over, then every
   * archive file whose own retention period is over.
   */
  async runDueWork(now: Date = new Date()): Promise<OffboardingSweepResult> {
    let exported = 0;
    let offboarded = 0;
    for (
      let claim = await this.offboardings.claimExport(now);
      claim !== null;
      claim = await this.offboardings.claimExport(now)
    ) {
      if (await this.export(claim, now)) exported += 1;
    }
    for (
      let claim = await this.offboardings.claimDeletion(now);
      claim !== null;
      claim = await this.offboardings.claimDeletion(now)
    ) {
      await this.delete(claim, now);
      offboarded += 1;
    }
    let archivesDeleted = 0;
    for (const record of await this.offboardings.dueArchiveDeletions(now)) {
      if (await this.deleteArchive(record, now)) archivesDeleted += 1;
    }
    return { exported, offboarded, archivesDeleted };
  }

  /**
   * Removes the archive file (already gone is fine: a sweep that died after the unlink is repeated), then records
   * it; only the sweep whose record won audits it.
   */
  private async deleteArchive(record: TenantOffboarding, now: Date): Promise<boolean> {
    const tenantId = record.tenantId.toHexString();
    if (record.archive !== null)
      await rm(join(this.config.offboarding.archiveDir, record.archive.fileName), { force: true });
    if (!(await this.offboardings.markArchiveDeleted(record._id, now))) return false;
    await this.record(AuditAction.TenantOffboardingArchiveDeleted, tenantId, 'success', {
      metadata: {
        fileName: record.archive?.fileName ?? null,
        sha256: record.archive?.sha256 ?? null,
        archiveDeleteAfter: record.archiveDeleteAfter?.toISOString() ?? null,
      },
    });
    return true;
  }

  private async export(record: TenantOffboarding, now: Date): Promise<boolean> {
    const tenantId = record.tenantId.toHexString();
    try {
      const tenant = await this.tenantSnapshot(tenantId);
      const archive = await this.inTenantContext(tenant, 'export', () =>
        writeTenantArchive(this.data, {
          directory: this.config.offboarding.archiveDir,
          baseName: `tenant-${tenantId}-${now.toISOString().replace(/[:.]/g, '-')}`,
          manifest: {
            tenant: { id: tenantId, slug: tenant.slug, name: tenant.name },
            requestedBy: record.requestedBy,
            exportedAt: now.toISOString(),
          },
        }),
      );
      const deleteAfter = new Date(now.getTime() + this.config.offboarding.retentionDays * DAY_MS);
      await this.offboardings.markExported(record._id, archive, now, deleteAfter);
      await this.record(AuditAction.TenantOffboardingExported, tenantId, 'success', {
        metadata: {
          fileName: archive.fileName,
          bytes: archive.bytes,
          sha256: archive.sha256,
          documents: archive.collections.reduce((sum, c) => sum + c.documents, 0),
          deleteAfter: deleteAfter.toISOString(),
        },
      });
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.error({ err: error, tenantId }, 'Tenant export failed; it will be retried');
      await this.offboardings.markExportFailed(
        record._id,
        message,
        new Date(now.getTime() + OFFBOARDING_RETRY_DELAY_MS),
      );
      await this.record(AuditAction.TenantOffboardingExportFailed, tenantId, 'failure', {
        metadata: { error: message },
      });
      return false;
    }
  }

  /**
   * Deletes for good. Every step repeats safely, so a deletion interrupted half-way is finished by the worker
   * that takes over its lease. Audit events and usage records are platform-owned and kept: they are the
   * platform's own account of what happened and what is billed.
   */
  private async delete(record: TenantOffboarding, now: Date): Promise<void> {
    const tenantId = record.tenantId.toHexString();
    const tenant = await this.tenantSnapshot(tenantId);
    const deleted: Record<string, number> = {};
    await this.inTenantContext(tenant, 'delete', async () => {
      for (const name of this.data.collections()) deleted[name] = await this.data.purge(name);
    });
    const redisKeys = await this.deleteRedisKeys(tenantId);
    await this.tenantAdmin.markOffboarded(tenantId, { deleted, redisKeys });
    const archiveDeleteAfter = new Date(
      now.getTime() + this.config.offboarding.archiveRetentionDays * DAY_MS,
    );
    await this.offboardings.markOffboarded(record._id, deleted, now, archiveDeleteAfter);
  }

  /** Every Redis key of the tenant carries its id as the Cluster hash tag (`…{<tenantId>}…`: usage, limits). */
  private async deleteRedisKeys(tenantId: string): Promise<number> {
    // SCAN matches and returns full key names, while commands add the client's keyPrefix themselves.
    const prefix = this.redis.options.keyPrefix ?? '';
    let deleted = 0;
    // SCAN sees one node's keys: on a cluster each master is scanned. The tenant's keys share one slot, so one
    // master holds them all, and each UNLINK stays within a slot.
    for (const master of redisMasters(this.redis)) {
      const stream = master.scanStream({ match: `${prefix}*{${tenantId}}*`, count: REDIS_SCAN_COUNT });
      for await (const keys of stream as AsyncIterable<string[]>) {
        const names = keys.map((key) => (key.startsWith(prefix) ? key.slice(prefix.length) : key));
        if (names.length > 0) deleted += await this.redis.unlink(...names);
      }
    }
    return deleted;
  }

  private async tenantSnapshot(tenantId: string): Promise<TenantSnapshot> {
    const tenant = await this.lookup.findById(tenantId);
    if (tenant === null) throw new Error(`Tenant ${tenantId} no longer exists`);
    return tenant;
  }

  private inTenantContext<R>(tenant: TenantSnapshot, step: string, work: () => Promise<R>): Promise<R> {
    return this.tenantContext.run(
      {
        tenant,
        resolvedBy: ResolutionMethod.Job,
        principal: null,
        requestId: `offboarding:${step}:${tenant.id}`,
      },
      work,
    );
  }

  private async find(tenantId: string): Promise<TenantOffboarding> {
    const record = /^[0-9a-f]{24}$/.test(tenantId) ? await this.offboardings.findByTenant(tenantId) : null;
    if (record === null) throw new OffboardingNotFoundException();
    return record;
  }

  private async record(
    action: AuditActionName,
    tenantId: string,
    outcome: 'success' | 'failure',
    extra: Pick<Parameters<AuditService['record']>[0], 'actor' | 'metadata'> = {},
  ): Promise<void> {
    await this.audit.record({
      action,
      outcome,
      tenantId,
      actor: extra.actor ?? { type: 'system' },
      resource: { type: 'tenant', id: tenantId },
      ...(extra.metadata !== undefined ? { metadata: extra.metadata } : {}),
    });
  }
}
