import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import {
  LostOldCopyDeletionsSweeper,
  PLACEMENT_MOVE_QUEUE,
  PLACEMENT_MOVE_SWEEP_JOB,
  PlacementMoveJobService,
  type PlacementMoveJobData,
} from '@tenantpay/placement-move';
import type { Job } from 'bullmq';

/**
 * Moves of tenants between placements: runs a move (or settles one whose worker died), and deletes a switched
 * move's old copy once its retention period is over, and sweeps for old copies whose deletion job Redis lost. Platform work: the move's record is platform-owned and the
 * mover's commands run in the audited platform scope. One job at a time per worker: a move copies whole
 * tenants, and two moves at once would share the freeze budget of neither.
 */
@Processor(PLACEMENT_MOVE_QUEUE, { concurrency: 1 })
export class PlacementMoveProcessor extends WorkerHost {
  private readonly logger = new Logger(PlacementMoveProcessor.name);

  constructor(
    private readonly jobs: PlacementMoveJobService,
    private readonly lostDeletions: LostOldCopyDeletionsSweeper,
  ) {
    super();
  }

  async process(job: Job<PlacementMoveJobData>): Promise<void> {
    if (job.name === PLACEMENT_MOVE_SWEEP_JOB) {
      await this.lostDeletions.sweep();
      return;
    }
    await this.jobs.process(job.name, job.data);
  }

  // Without a listener, a connection error would be an unhandled 'error' event and crash the process.
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.error({ err: error }, 'Placement move worker error');
  }
}
