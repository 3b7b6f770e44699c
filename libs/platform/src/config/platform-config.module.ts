import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { AppConfig } from './app-config';
import { APP_CONFIG } from './app-config.constant';

/** Makes the already-validated config injectable everywhere as {@link APP_CONFIG}. */
@Global()
@Module({})
export class PlatformConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: PlatformConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
