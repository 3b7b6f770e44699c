import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { QueueDepthCollector } from '../metrics/queue-depth.collector';

/**
 * The worker's backlog, as readiness details: job counts per queue and state, or `unavailable` for a queue
 * that could not be read in time. Always up: a deep queue does not stop this instance from serving (Redis
 * itself is checked on its own), but whoever looks at readiness sees whether the worker keeps up.
 */
@Injectable()
export class QueueDepthHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly queueDepth: QueueDepthCollector,
  ) {}

  async check(key: string) {
    const depths = await this.queueDepth.read();
    return this.indicators
      .check(key)
      .up(Object.fromEntries(depths.map(({ queue, counts }) => [queue, counts ?? 'unavailable'])));
  }
}
