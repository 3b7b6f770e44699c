import { type DynamicModule, type InjectionToken, Module, type ModuleMetadata } from '@nestjs/common';
import { TenantContextService } from '../context/tenant-context.service';
import { TenantJobEnqueuer } from './tenant-job-enqueuer.service';
import { TenantJobRunner } from './tenant-job-runner.service';
import { TENANT_LOADER, type TenantLoader } from './tenant-loader';

export interface TenantJobsModuleOptions {
  readonly imports?: ModuleMetadata['imports'];
  readonly inject?: InjectionToken[];
  // Nest factories take whatever their `inject` list provides.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly useFactory: (...dependencies: any[]) => TenantLoader | Promise<TenantLoader>;
}

/**
 * Tenant-aware jobs: `TenantJobEnqueuer` for producers, `TenantJobRunner` (behind TenantAwareProcessor)
 * for the worker. Global, like other forRoot modules, so any feature's processor can extend
 * TenantAwareProcessor without importing it again.
 */
@Module({})
export class TenantJobsModule {
  static forRootAsync(options: TenantJobsModuleOptions): DynamicModule {
    return {
      module: TenantJobsModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        { provide: TENANT_LOADER, inject: options.inject ?? [], useFactory: options.useFactory },
        TenantContextService,
        TenantJobEnqueuer,
        TenantJobRunner,
      ],
      exports: [TenantJobEnqueuer, TenantJobRunner],
    };
  }
}
