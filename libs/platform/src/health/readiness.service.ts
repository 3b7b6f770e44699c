import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { DomainException } from '../errors/domain.exception';
import { ErrorCode } from '../errors/error-code';
import { MongoHealthIndicator } from './mongo.health-indicator';
import { RedisHealthIndicator } from './redis.health-indicator';

/** Whether this instance can serve traffic: MongoDB and Redis both answer. */
@Injectable()
export class ReadinessService {
  constructor(
    private readonly health: HealthCheckService,
    private readonly mongo: MongoHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  async check(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.mongo.check('mongodb', 1_000),
        () => this.redis.check('redis'),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const result = error.getResponse() as HealthCheckResult;
      const down = Object.entries(result.error ?? {}).map(([component, state]) => ({
        field: component,
        issue: 'down',
        message: typeof state?.['message'] === 'string' ? state['message'] : undefined,
      }));
      throw new DomainException(
        ErrorCode.NotReady,
        `Not ready: ${down.map((d) => d.field).join(', ')} unavailable.`,
        down,
      );
    }
  }
}
