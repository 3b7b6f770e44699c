import { type DynamicModule, Module } from '@nestjs/common';
import {
  type AppConfig,
  PlatformCoreModule,
  PlatformHealthModule,
  PlatformHttpModule,
} from '@tenantpay/platform';
import { HealthController } from './health/health.controller';

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [PlatformCoreModule.forRoot(config), PlatformHttpModule, PlatformHealthModule],
      controllers: [HealthController],
    };
  }
}
