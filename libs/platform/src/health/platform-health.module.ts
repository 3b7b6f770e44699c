import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ReadinessService } from './readiness.service';
import { MongoHealthIndicator } from './mongo.health-indicator';
import { RedisHealthIndicator } from './redis.health-indicator';

@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  providers: [MongoHealthIndicator, RedisHealthIndicator, ReadinessService],
  exports: [ReadinessService],
})
export class PlatformHealthModule {}
