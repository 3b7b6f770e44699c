import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { MAIL_MAINTENANCE_QUEUE } from '@tenantpay/mail';
import { PAYMENTS_MAINTENANCE_QUEUE } from '@tenantpay/payments';
import { OFFBOARDING_QUEUE } from '@tenantpay/offboarding';
import { PLACEMENT_MOVE_QUEUE } from '@tenantpay/placement-move';
import { MetricsModule } from '@tenantpay/platform';
import { USAGE_QUEUE } from '@tenantpay/usage';
import { JobSchedulesKeeper } from './job-schedules-keeper.service';

/** The worker's repeatable jobs, all kept by one service (needs UsageModule and PaymentsModule in the app). */
@Module({
  imports: [
    MetricsModule,
    BullModule.registerQueue(
      { name: USAGE_QUEUE },
      { name: PAYMENTS_MAINTENANCE_QUEUE },
      { name: OFFBOARDING_QUEUE },
      { name: MAIL_MAINTENANCE_QUEUE },
      { name: PLACEMENT_MOVE_QUEUE },
    ),
  ],
  providers: [JobSchedulesKeeper],
})
export class WorkerSchedulesModule {}
