import { Module } from '@nestjs/common';
import { PlacementMoveModule } from '@tenantpay/placement-move';
import { PlacementMoveProcessor } from './placement-move.processor';

/**
 * The worker's placement moves. A move copies every tenant-owned collection declared in this process, which is
 * why the worker declares every one the API does (see OffboardingWorkerModule and its test).
 */
@Module({
  imports: [PlacementMoveModule],
  providers: [PlacementMoveProcessor],
})
export class PlacementMoveWorkerModule {}
