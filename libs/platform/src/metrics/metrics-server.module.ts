import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.constant';
import { MetricsModule } from './metrics.module';
import { MetricsServer } from './metrics-server';
import { METRICS_SERVER_PORT } from './metrics-server-port.constant';

/** The one way both applications serve their metrics: {@link MetricsServer} on the port `portOf` picks. */
@Module({})
export class MetricsServerModule {
  static forRoot(portOf: (config: AppConfig) => number): DynamicModule {
    return {
      module: MetricsServerModule,
      imports: [MetricsModule],
      providers: [{ provide: METRICS_SERVER_PORT, inject: [APP_CONFIG], useFactory: portOf }, MetricsServer],
      exports: [MetricsServer],
    };
  }
}
