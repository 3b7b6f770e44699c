import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  Optional,
  ServiceUnavailableException,
} from '@nestjs/common';
import { HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { performance } from 'node:perf_hooks';
import { DomainException } from '../errors/domain.exception';
import { ErrorCode } from '../errors/error-code';
import { DrainState } from '../shutdown/drain-state';
import { MongoHealthIndicator } from './mongo.health-indicator';
import { QueueDepthHealthIndicator } from './queue-depth.health-indicator';
import { READINESS_INDICATOR, type ReadinessIndicator } from './readiness-indicator';
import { RedisHealthIndicator } from './redis.health-indicator';

/** How often the dependencies are checked in the background. */
const REFRESH_INTERVAL_MS = 1_000;
/** Each check's own bound: a hung dependency counts as down after this, never holds the probe. */
const CHECK_TIMEOUT_MS = 800;
/**
 * A result older than this means the refresh itself is stuck (it cannot be, given the timeout above, unless the
 * event loop is): the instance then reports itself not ready rather than repeat an old "up".
 */
const STALE_AFTER_MS = 3 * REFRESH_INTERVAL_MS + CHECK_TIMEOUT_MS;

type Readiness = { readonly at: number } & (
  | { readonly ready: true; readonly result: HealthCheckResult }
  | { readonly ready: false; readonly error: DomainException }
);

/**
 * Whether this instance can serve traffic: it is not shutting down, and MongoDB and Redis both answer (the
 * details also carry the worker's queue depth, which never makes an instance unready). The probe answers from the latest
 * background check, at once, whatever the databases do (a probe that hangs with a hung database gets the
 * instance killed by its orchestrator rather than taken out of rotation); the checks run every second, each
 * bounded by its own timeout, so the answer is at most about two seconds old.
 */
@Injectable()
export class ReadinessService implements OnApplicationBootstrap, OnApplicationShutdown {
  private latest: Readiness | undefined;
  private refreshing: Promise<Readiness> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly health: HealthCheckService,
    private readonly mongo: MongoHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly queues: QueueDepthHealthIndicator,
    private readonly drainState: DrainState,
    @Optional() @Inject(READINESS_INDICATOR) private readonly extra?: ReadinessIndicator,
  ) {}

  onApplicationBootstrap(): void {
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), REFRESH_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async check(): Promise<HealthCheckResult> {
    // Asked first and answered without a dependency check: a load balancer must see the instance leave at once.
    if (this.drainState.isDraining) {
      throw new DomainException(ErrorCode.NotReady, 'Not ready: shutting down.', [
        { field: 'instance', issue: 'shutting_down' },
      ]);
    }
    // Before the first check has finished, wait for it (bounded by the check timeout).
    const readiness = this.latest ?? (await this.refresh());
    if (performance.now() - readiness.at > STALE_AFTER_MS) {
      throw new DomainException(ErrorCode.NotReady, 'Not ready: the dependency checks are not running.');
    }
    if (!readiness.ready) throw readiness.error;
    return readiness.result;
  }

  private refresh(): Promise<Readiness> {
    this.refreshing ??= this.probe().then((readiness) => {
      this.latest = readiness;
      this.refreshing = undefined;
      return readiness;
    });
    return this.refreshing;
  }

  private async probe(): Promise<Readiness> {
    const extra = this.extra;
    try {
      const result = await this.health.check([
        () => this.mongo.check('mongodb', CHECK_TIMEOUT_MS),
        () => this.redis.check('redis', CHECK_TIMEOUT_MS),
        () => this.queues.check('queues'),
        ...(extra === undefined ? [] : [() => extra.check(CHECK_TIMEOUT_MS)]),
      ]);
      return { at: performance.now(), ready: true, result };
    } catch (error) {
      const result: HealthCheckResult =
        error instanceof ServiceUnavailableException
          ? (error.getResponse() as HealthCheckResult)
          : { status: 'error', details: {}, error: { checks: { status: 'down', message: 'check failed' } } };
      const down = Object.entries(result.error ?? {}).map(([component, state]) => ({
        field: component,
        issue: 'down',
        message: typeof state?.['message'] === 'string' ? state['message'] : undefined,
      }));
      return {
        at: performance.now(),
        ready: false,
        error: new DomainException(
          ErrorCode.NotReady,
          `Not ready: ${down.map((d) => d.field).join(', ')} unavailable.`,
          down,
        ),
      };
    }
  }
}
