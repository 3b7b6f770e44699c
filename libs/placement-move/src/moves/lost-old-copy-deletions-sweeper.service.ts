import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { isLiveJobState } from '@tenantpay/platform';
import type { Queue } from 'bullmq';
import { PLACEMENT_MOVE_QUEUE, placementMoveJobIds } from './placement-move.constant';
import type { PlacementMoveJobData } from './placement-move-job-data';
import { PlacementMoveJobService } from './placement-move-job.service';
import { PlacementMovesRepository } from './placement-moves.repository';

/**
 * The safety net under the delayed deletion of a moved tenant's old copy: that job lives only in Redis
 * (BullMQ), and a Redis that loses it (restarted empty, flushed) or a job failed for good would leave the move
 * open for ever, and the tenant unable to move again. Each sweep (a repeatable job of the move queue) looks at
 * switched moves past their deletion time and deletes the old copy itself for each whose job is not live. The
 * deletion is idempotent and closes the move once (PlacementMoveJobService.deleteOldCopy), so a sweep racing the
 * job or another worker's sweep deletes nothing twice and audits once.
 */
@Injectable()
export class LostOldCopyDeletionsSweeper {
  private readonly logger = new Logger(LostOldCopyDeletionsSweeper.name);

  constructor(
    private readonly moves: PlacementMovesRepository,
    private readonly jobs: PlacementMoveJobService,
    @InjectQueue(PLACEMENT_MOVE_QUEUE) private readonly queue: Queue<PlacementMoveJobData>,
  ) {}

  /** The number of old copies deleted. */
  async sweep(now = new Date()): Promise<number> {
    let deleted = 0;
    for (const move of await this.moves.findDueForDeletion(now)) {
      const moveId = move._id.toHexString();
      if (isLiveJobState(await this.queue.getJobState(placementMoveJobIds.deleteOldCopy(moveId)))) continue;
      this.logger.warn(
        { moveId, deleteAfter: move.deleteAfter },
        'Old copy past its deletion time without a job',
      );
      await this.jobs.deleteOldCopy(moveId);
      deleted += 1;
    }
    return deleted;
  }
}
