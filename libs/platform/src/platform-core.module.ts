import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from './config/app-config';
import { PlatformConfigModule } from './config/platform-config.module';
import { PlatformLoggerModule } from './logging/platform-logger.module';
import { PlatformMongoModule } from './mongo/platform-mongo.module';
import { PlatformRedisModule } from './redis/platform-redis.module';

/** What both the API and the worker stand on: config, logging, MongoDB and Redis. */
@Module({})
export class PlatformCoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: PlatformCoreModule,
      imports: [
        PlatformConfigModule.forRoot(config),
        PlatformLoggerModule.forRoot(),
        PlatformMongoModule,
        PlatformRedisModule,
      ],
      exports: [PlatformConfigModule, PlatformLoggerModule, PlatformMongoModule, PlatformRedisModule],
    };
  }
}
