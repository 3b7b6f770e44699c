import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { MetricsModule } from '../metrics/metrics.module';
import { ShutdownModule } from '../shutdown/shutdown.module';
import { MongoHealthIndicator } from './mongo.health-indicator';
import { QueueDepthHealthIndicator } from './queue-depth.health-indicator';
import { ReadinessService } from './readiness.service';
import { RedisHealthIndicator } from './redis.health-indicator';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), MetricsModule, ShutdownModule],
  providers: [MongoHealthIndicator, RedisHealthIndicator, QueueDepthHealthIndicator, ReadinessService],
  exports: [ReadinessService],
})
export class PlatformHealthModule {}
