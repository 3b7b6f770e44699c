import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import {
  PLACEMENT_MOVE_QUEUE,
  PlacementMoveJobService,
  type PlacementMoveJobData,
} from '@tenantpay/placement-move';
import type { Job } from 'bullmq';

/**
 * Moves of tenants between placements: runs a move (or settles one whose worker died), and deletes a switched
 * move's old copy once its retention period is over. Platform work: the move's record is platform-owned and the
 * mover's commands run in the audited platform scope. One job at a time per worker: a move copies whole
 * tenants, and two moves at once would share the freeze budget of neither.
 */
@Processor(PLACEMENT_MOVE_QUEUE, { concurrency: 1 })
export class PlacementMoveProcessor extends WorkerHost {
  private readonly logger = new Logger(PlacementMoveProcessor.name);

  constructor(private readonly jobs: PlacementMoveJobService) {
    super();
  }

  process(job: Job<PlacementMoveJobData>): Promise<void> {
    return this.jobs.process(job.name, job.data);
  }

  // Without a listener, a connection error would be an unhandled 'error' event and crash the process.
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.error({ err: error }, 'Placement move worker error');
  }
}
