import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ReadinessService } from './readiness.service';
import { RedisHealthIndicator } from './redis.health-indicator';

@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  providers: [RedisHealthIndicator, ReadinessService],
  exports: [ReadinessService],
})
export class PlatformHealthModule {}
