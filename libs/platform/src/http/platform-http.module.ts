import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { JsonBodyMiddleware } from './json-body.middleware';

/** HTTP-only pieces of the platform that live inside Nest's module graph. */
@Module({ providers: [JsonBodyMiddleware] })
export class PlatformHttpModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(JsonBodyMiddleware).forRoutes('{*path}');
  }
}
