import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from './config/app-config';
import { PlatformConfigModule } from './config/platform-config.module';
import { type LogFields, PlatformLoggerModule } from './logging/platform-logger.module';
import { PlatformMongoModule } from './mongo/platform-mongo.module';
import { PlatformRedisModule } from './redis/platform-redis.module';

export interface PlatformCoreOptions {
  /** Added to every log line when it is written, e.g. the current tenant's id. */
  readonly logFields?: LogFields;
}

/** What both the API and the worker stand on: config, logging, MongoDB and Redis. */
@Module({})
export class PlatformCoreModule {
  static forRoot(config: AppConfig, options: PlatformCoreOptions = {}): DynamicModule {
    return {
      module: PlatformCoreModule,
      imports: [
        PlatformConfigModule.forRoot(config),
        PlatformLoggerModule.forRoot(options.logFields),
        PlatformMongoModule,
        PlatformRedisModule,
      ],
      exports: [PlatformConfigModule, PlatformLoggerModule, PlatformMongoModule, PlatformRedisModule],
    };
  }
}
