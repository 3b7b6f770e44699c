import {
  type DynamicModule,
  Inject,
  type MiddlewareConsumer,
  Module,
  type NestModule,
  Optional,
  type RequestMethod,
} from '@nestjs/common';
import { BulkJsonBodyMiddleware } from './bulk-json-body.middleware';
import { JsonBodyMiddleware } from './json-body.middleware';

const BULK_BODY_ROUTES = Symbol('BULK_BODY_ROUTES');

/** A route as Nest's `forRoutes` takes it; the path without the global prefix. */
export interface BodyRoute {
  readonly path: string;
  readonly method: RequestMethod;
}

export interface PlatformHttpOptions {
  /** Routes whose bodies may be as large as `http.bulkBodyLimitBytes` instead of `http.bodyLimitBytes`. */
  readonly bulkBodyRoutes: readonly BodyRoute[];
}

/** HTTP-only pieces of the platform that live inside Nest's module graph. */
@Module({ providers: [JsonBodyMiddleware, BulkJsonBodyMiddleware] })
export class PlatformHttpModule implements NestModule {
  constructor(
    @Optional() @Inject(BULK_BODY_ROUTES) private readonly bulkBodyRoutes: readonly BodyRoute[] | null,
  ) {}

  static forRoot(options: PlatformHttpOptions): DynamicModule {
    return {
      module: PlatformHttpModule,
      providers: [{ provide: BULK_BODY_ROUTES, useValue: options.bulkBodyRoutes }],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    // Registration order is execution order: the bulk parser must read its routes' bodies first.
    if (this.bulkBodyRoutes !== null && this.bulkBodyRoutes.length > 0) {
      consumer.apply(BulkJsonBodyMiddleware).forRoutes(...this.bulkBodyRoutes.map((route) => ({ ...route })));
    }
    consumer.apply(JsonBodyMiddleware).forRoutes('{*path}');
  }
}
