import {
  type DynamicModule,
  type InjectionToken,
  Logger,
  Module,
  type ModuleMetadata,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { SECURITY_EVENT_RECORDER } from './audit/security-event-recorder';
import { TenantContextService } from '@tenantpay/tenancy';
import { DATA_ISOLATION_AUDIT_ACTIONS } from './data-isolation.constant';
import { DATA_ISOLATION_OPTIONS, type DataIsolationOptions } from './data-isolation-options';
import { DataIsolationService } from './data-isolation.service';
import { setIsolationGuardViolationListener } from './plugin/isolation-guard-violation.reporter';

export interface SecurityEventRecorderBinding {
  readonly imports?: ModuleMetadata['imports'];
  readonly useExisting: InjectionToken;
}

/**
 * Provides DataIsolationService to repositories and connects the Mongoose isolation plugin's refusals to the
 * security audit trail. Bind SECURITY_EVENT_RECORDER in the application (the audit library's service).
 */
@Module({})
export class DataIsolationModule implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('TenantIsolationPlugin');

  constructor(private readonly isolation: DataIsolationService) {}

  /**
   * `recorder` names the provider that records security events (for example the audit library's service)
   * and the modules that export it. Without it, SECURITY_EVENT_RECORDER must be exported by a global module;
   * without either, events are only logged.
   */
  static forRoot(options: DataIsolationOptions = {}, recorder?: SecurityEventRecorderBinding): DynamicModule {
    return {
      module: DataIsolationModule,
      global: true,
      imports: recorder?.imports ?? [],
      providers: [
        TenantContextService,
        { provide: DATA_ISOLATION_OPTIONS, useValue: options },
        ...(recorder === undefined
          ? []
          : [{ provide: SECURITY_EVENT_RECORDER, useExisting: recorder.useExisting }]),
        DataIsolationService,
      ],
      exports: [DataIsolationService],
    };
  }

  onModuleInit(): void {
    setIsolationGuardViolationListener((violation) => {
      this.logger.error({ violation }, 'Refused an unscoped operation on a tenant-owned model');
      this.isolation.record({
        action: DATA_ISOLATION_AUDIT_ACTIONS.isolationGuardViolation,
        outcome: 'denied',
        metadata: { ...violation },
      });
    });
  }

  onApplicationShutdown(): void {
    setIsolationGuardViolationListener(undefined);
  }
}
