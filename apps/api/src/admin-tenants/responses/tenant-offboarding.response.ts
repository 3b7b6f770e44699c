import { ApiProperty } from '@nestjs/swagger';
import { TenantOffboardingStatus, type TenantOffboardingView } from '@tenantpay/offboarding';
import { TenantExportArchiveResponse } from './tenant-export-archive.response';

/** A tenant's offboarding: the export, then (after the retention period) the deletion. */
export class TenantOffboardingResponse implements TenantOffboardingView {
  readonly tenantId!: string;
  readonly status!: TenantOffboardingStatus;
  /** The operator who started it. */
  readonly requestedBy!: string;
  readonly requestedAt!: string;
  readonly archive!: TenantExportArchiveResponse | null;
  readonly exportedAt!: string | null;
  /** When the tenant's data will be deleted. */
  readonly deleteAfter!: string | null;
  readonly offboardedAt!: string | null;
  /** When the archive itself will be deleted. */
  readonly archiveDeleteAfter!: string | null;
  readonly archiveDeletedAt!: string | null;
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: { type: 'integer' },
    description: 'Documents deleted, by collection',
  })
  readonly deleted!: Readonly<Record<string, number>> | null;
  /** The last failure of the export or the deletion, retried by the worker. */
  readonly lastError!: string | null;
}
