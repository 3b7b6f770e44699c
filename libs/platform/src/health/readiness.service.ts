import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { DomainException } from '../errors/domain.exception';
import { ErrorCode } from '../errors/error-code';
import { DrainState } from '../shutdown/drain-state';
import { MongoHealthIndicator } from './mongo.health-indicator';
import { QueueDepthHealthIndicator } from './queue-depth.health-indicator';
import { RedisHealthIndicator } from './redis.health-indicator';

/**
 * Whether this instance can serve traffic: it is not shutting down, and MongoDB and Redis both answer. The
 * details also carry the worker's queue depth, which never makes an instance unready.
 */
@Injectable()
export class ReadinessService {
  constructor(
    private readonly health: HealthCheckService,
    private readonly mongo: MongoHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly queues: QueueDepthHealthIndicator,
    private readonly drainState: DrainState,
  ) {}

  async check(): Promise<HealthCheckResult> {
    // Asked first and answered without a dependency check: a load balancer must see the instance leave at once.
    if (this.drainState.isDraining) {
      throw new DomainException(ErrorCode.NotReady, 'Not ready: shutting down.', [
        { field: 'instance', issue: 'shutting_down' },
      ]);
    }
    try {
      return await this.health.check([
        () => this.mongo.check('mongodb', 1_000),
        () => this.redis.check('redis'),
        () => this.queues.check('queues'),
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
