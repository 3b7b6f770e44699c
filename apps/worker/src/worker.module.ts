import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, PlatformCoreModule, PlatformQueueModule } from '@tenantpay/platform';
import { ShutdownDeadline } from './shutdown-deadline';

/** The worker: no HTTP, only the platform connections and (as features land) the BullMQ processors. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [PlatformCoreModule.forRoot(config), PlatformQueueModule],
      providers: [ShutdownDeadline],
    };
  }
}
