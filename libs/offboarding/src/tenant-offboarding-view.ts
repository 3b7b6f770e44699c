import type { TenantExportArchive } from './tenant-export-archive';
import type { TenantOffboarding } from './tenant-offboarding';
import type { TenantOffboardingStatus } from './tenant-offboarding-status.enum';

/** An offboarding as super-admins see it. */
export interface TenantOffboardingView {
  readonly tenantId: string;
  readonly status: TenantOffboardingStatus;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly archive: TenantExportArchive | null;
  readonly exportedAt: string | null;
  readonly deleteAfter: string | null;
  readonly offboardedAt: string | null;
  readonly archiveDeleteAfter: string | null;
  readonly archiveDeletedAt: string | null;
  readonly deleted: Readonly<Record<string, number>> | null;
  readonly lastError: string | null;
}

export function toTenantOffboardingView(record: TenantOffboarding): TenantOffboardingView {
  const iso = (date: Date | null) => (date === null ? null : new Date(date).toISOString());
  return {
    tenantId: record.tenantId.toHexString(),
    status: record.status,
    requestedBy: record.requestedBy,
    requestedAt: new Date(record.requestedAt).toISOString(),
    archive:
      record.archive === null
        ? null
        : {
            fileName: record.archive.fileName,
            bytes: record.archive.bytes,
            sha256: record.archive.sha256,
            collections: record.archive.collections.map((c) => ({ ...c })),
          },
    exportedAt: iso(record.exportedAt),
    deleteAfter: iso(record.deleteAfter),
    offboardedAt: iso(record.offboardedAt),
    archiveDeleteAfter: iso(record.archiveDeleteAfter),
    archiveDeletedAt: iso(record.archiveDeletedAt),
    deleted: record.deleted === null ? null : { ...record.deleted },
    lastError: record.lastError,
  };
}
