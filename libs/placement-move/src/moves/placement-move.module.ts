import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditModule } from '@tenantpay/audit';
import { PLACEMENT_MOVE_MODEL, PLACEMENT_MOVE_QUEUE } from './placement-move.constant';
import { PlacementMoveAuditService } from './placement-move-audit.service';
import { PlacementMoveJobService } from './placement-move-job.service';
import { PlacementMoveSchema } from './placement-move.schema';
import { PlacementMovesRepository } from './placement-moves.repository';
import { PlacementMovesService } from './placement-moves.service';
import { LostOldCopyDeletionsSweeper } from './lost-old-copy-deletions-sweeper.service';

/**
 * Moving a tenant between placements as an operator action: the move records, the API's request and the
 * worker's job. Needs PlatformCoreModule and PlatformQueueModule (MongoDB, Redis, config, queues),
 * TenancyModule and PlacementModule, as both apps have.
 */
@Module({
  imports: [
    MongooseModule.forFeature([{ name: PLACEMENT_MOVE_MODEL, schema: PlacementMoveSchema }]),
    BullModule.registerQueue({ name: PLACEMENT_MOVE_QUEUE }),
    AuditModule,
  ],
  providers: [
    PlacementMovesRepository,
    PlacementMoveAuditService,
    PlacementMovesService,
    PlacementMoveJobService,
    LostOldCopyDeletionsSweeper,
  ],
  exports: [PlacementMovesService, PlacementMoveJobService, LostOldCopyDeletionsSweeper],
})
export class PlacementMoveModule {}
