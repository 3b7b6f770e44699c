import { type DynamicModule, Module, type RequestMethod } from '@nestjs/common';
import { BULK_BODY_ROUTES } from './bulk-body-routes.constant';

/** A route as Nest's `forRoutes` takes it; the path without the global prefix. */
export interface BodyRoute {
  readonly path: string;
  readonly method: RequestMethod;
}

export interface PlatformHttpOptions {
  /** Routes whose bodies may be as large as `http.bulkBodyLimitBytes` instead of `http.bodyLimitBytes`. */
  readonly bulkBodyRoutes: readonly BodyRoute[];
}

/** HTTP options an application declares inside Nest's module graph, read by configureHttpApplication. */
@Module({})
export class PlatformHttpModule {
  static forRoot(options: PlatformHttpOptions): DynamicModule {
    return {
      module: PlatformHttpModule,
      providers: [{ provide: BULK_BODY_ROUTES, useValue: options.bulkBodyRoutes }],
      exports: [BULK_BODY_ROUTES],
    };
  }
}
