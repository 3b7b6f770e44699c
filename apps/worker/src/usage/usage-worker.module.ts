import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { PaymentCountsModule, PaymentCountsService } from '@tenantpay/payments';
import {
  TRANSACTION_COUNTER,
  type TransactionCounter,
  USAGE_QUEUE,
  UsageModule,
  type UsageModuleOptions,
  type UsagePeriod,
} from '@tenantpay/usage';
import { UsageProcessor } from './usage.processor';

/** Month close reconciles `transactions` against the payments collection (payments created in the UTC month). */
const PAYMENTS_TRANSACTION_COUNTER: Provider = {
  provide: TRANSACTION_COUNTER,
  inject: [PaymentCountsService],
  useFactory: (payments: PaymentCountsService): TransactionCounter => ({
    countCreatedInPeriod: (tenantId: string, period: UsagePeriod) =>
      payments.countCreatedBetween(tenantId, period.start, period.end),
  }),
};

/**
 * The worker's half of usage metering: the sync and month-close jobs (their schedules: WorkerSchedulesModule). The transaction counter is always bound
 * here (month close refuses to run without one); needs DataIsolationModule for the audited platform scope.
 */
@Module({})
export class UsageWorkerModule {
  static forRoot(options: UsageModuleOptions = {}): DynamicModule {
    return {
      module: UsageWorkerModule,
      imports: [
        UsageModule.forRoot({
          ...options,
          imports: [PaymentCountsModule, ...(options.imports ?? [])],
          providers: [PAYMENTS_TRANSACTION_COUNTER, ...(options.providers ?? [])],
        }),
        BullModule.registerQueue({ name: USAGE_QUEUE }),
      ],
      providers: [UsageProcessor],
    };
  }
}
