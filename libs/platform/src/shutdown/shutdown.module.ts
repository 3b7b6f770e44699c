import { Module } from '@nestjs/common';
import { DrainState } from './drain-state';
import { GracefulHttpShutdown } from './graceful-http-shutdown';

/** The API's graceful shutdown and the draining flag readiness reads. */
@Module({
  providers: [DrainState, GracefulHttpShutdown],
  exports: [DrainState, GracefulHttpShutdown],
})
export class ShutdownModule {}
