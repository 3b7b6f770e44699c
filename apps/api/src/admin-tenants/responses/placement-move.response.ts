import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { type PlacementMoveView, TenantMoveState } from '@tenantpay/placement-move';
import { CollectionMoveProgressResponse } from './collection-move-progress.response';
import { CollectionVerificationResponse } from './collection-verification.response';
import { TenantMoveTimingsResponse } from './tenant-move-timings.response';

/** A move of a tenant's data between placements: its state, progress, verification and timings. */
export class PlacementMoveResponse implements PlacementMoveView {
  readonly id!: string;
  readonly tenantId!: string;
  /** The placement the data is moved from. */
  readonly from!: string;
  /** The placement the data is moved to. */
  readonly to!: string;
  @ApiProperty({ enum: TenantMoveState, enumName: 'TenantMoveState' })
  readonly state!: TenantMoveState;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(CollectionMoveProgressResponse) },
    description: 'Progress by collection',
  })
  readonly collections!: Readonly<Record<string, CollectionMoveProgressResponse>>;
  readonly catchUpPasses!: number;
  readonly freezeAttempts!: number;
  /** The last verification (empty until the move verified). */
  readonly verification!: CollectionVerificationResponse[];
  readonly timings!: TenantMoveTimingsResponse | null;
  /** Why the move failed or stopped; the tenant stayed on its source with nothing lost. */
  readonly failure!: string | null;
  /** The operator who asked for it. */
  readonly requestedBy!: string;
  readonly requestedAt!: string;
  readonly startedAt!: string | null;
  /** When the move's work ended (switched, failed or canceled). */
  readonly finishedAt!: string | null;
  /** After a switch: when the old copy on the source is deleted. */
  readonly deleteAfter!: string | null;
  readonly oldCopyDeletedAt!: string | null;
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: { type: 'integer' },
    description: 'Documents of the old copy deleted, by collection',
  })
  readonly oldCopyDeleted!: Readonly<Record<string, number>> | null;
  /** When an operator asked to cancel the move (it stops at its next step; `canceled` once it has). */
  readonly cancelRequestedAt!: string | null;
  /** The operator who asked to cancel it. */
  readonly canceledBy!: string | null;
  readonly updatedAt!: string;
}
