import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { USAGE_QUEUE, UsageModule, type UsageModuleOptions } from '@tenantpay/usage';
import { UsageJobScheduler } from './usage-job-scheduler.service';
import { UsageProcessor } from './usage.processor';

/**
 * The worker's half of usage metering. Bind `TRANSACTION_COUNTER` (payments) through `options.providers`
 * so month close reconciles transactions against payments.
 */
@Module({})
export class UsageWorkerModule {
  static forRoot(options: UsageModuleOptions = {}): DynamicModule {
    return {
      module: UsageWorkerModule,
      imports: [UsageModule.forRoot(options), BullModule.registerQueue({ name: USAGE_QUEUE })],
      providers: [UsageProcessor, UsageJobScheduler],
    };
  }
}
