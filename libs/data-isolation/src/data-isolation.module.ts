import {
  type DynamicModule,
  type InjectionToken,
  Logger,
  Module,
  type ModuleMetadata,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { MONGO_DRIVER_CONNECTION_CLASS } from '@tenantpay/platform';
import { TenantContextService } from '@tenantpay/tenancy';
import { SECURITY_EVENT_RECORDER } from './audit/security-event-recorder';
import { DATA_ISOLATION_AUDIT_ACTIONS } from './data-isolation.constant';
import { DATA_ISOLATION_OPTIONS, type DataIsolationOptions } from './data-isolation-options';
import { DataIsolationService } from './data-isolation.service';
import { setIsolationGuardViolationListener } from './plugin/isolation-guard-violation.reporter';
import { MongoCommandWall } from './wall/mongo-command-wall';
import { WallCollectionRegistry } from './wall/wall-collection-registry';
import { walledConnectionClass } from './wall/walled-connection-class';

export interface SecurityEventRecorderBinding {
  readonly imports?: ModuleMetadata['imports'];
  readonly useExisting: InjectionToken;
}

/**
 * Provides DataIsolationService to repositories, walls the application's MongoClient (it provides the driver
 * connection class PlatformMongoModule builds the client with, see MongoCommandWall), and connects the
 * Mongoose isolation plugin's and the wall's refusals to the security audit trail. Bind
 * SECURITY_EVENT_RECORDER in the application (the audit library's service).
 */
@Module({})
export class DataIsolationModule implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('TenantIsolationPlugin');
  private readonly wallLogger = new Logger(MongoCommandWall.name);

  constructor(
    private readonly isolation: DataIsolationService,
    private readonly wall: MongoCommandWall,
  ) {}

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
        {
          provide: MongoCommandWall,
          inject: [TenantContextService],
          useFactory: (context: TenantContextService) =>
            new MongoCommandWall(context, new WallCollectionRegistry(options)),
        },
        {
          provide: MONGO_DRIVER_CONNECTION_CLASS,
          inject: [MongoCommandWall],
          useFactory: walledConnectionClass,
        },
      ],
      exports: [DataIsolationService, MongoCommandWall, MONGO_DRIVER_CONNECTION_CLASS],
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
    this.wall.onRefusal((refusal, command, collection) => {
      this.wallLogger.warn(
        { rule: refusal.rule, path: refusal.path, command, collection },
        'Refused a command',
      );
      this.isolation.recordRefusal(refusal, command, collection ?? '');
    });
  }

  onApplicationShutdown(): void {
    setIsolationGuardViolationListener(undefined);
    this.wall.onRefusal(undefined);
  }
}
