import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { GatewayCallsAbort } from '@tenantpay/payments';
import { APP_CONFIG, type AppConfig } from '@tenantpay/platform';

/** After abandoning gateway calls, how long their jobs' failures may take to reach Redis before the exit. */
const ABANDON_FLUSH_MS = 250;

/**
 * SHUTDOWN_GRACE_MS, enforced. On SIGTERM/SIGINT the BullMQ workers stop taking jobs and wait for the active
 * ones; at the deadline the gateway calls still waiting are abandoned (their AbortSignal fires, so nothing is
 * written for them) and the process exits. An abandoned job is retried by another worker: at once when its
 * failure reached Redis in time, otherwise once its lock expires (lock duration + stalled interval). Either
 * way under the same gateway idempotency key, so nothing is charged twice.
 *
 * Armed by the signal itself (`armOn`), not by a shutdown hook: Nest runs the modules' shutdown hooks in an
 * order of its own, and a hook that cleared the deadline ran before the workers had drained, which is how a
 * worker configured with 3 s once waited 25 s on a slow gateway.
 */
@Injectable()
export class ShutdownDeadline implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(ShutdownDeadline.name);
  private armed = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly gatewayCalls: GatewayCallsAbort,
  ) {}

  /** Starts the deadline when the process receives one of `signals` (the production entry point's signals). */
  armOn(
    signals: readonly NodeJS.Signals[],
    exit: (code: number) => void = (code) => process.exit(code),
  ): void {
    for (const signal of signals) process.once(signal, () => this.arm(exit));
  }

  beforeApplicationShutdown(signal?: string): void {
    this.logger.log(`Shutting down (${signal ?? 'close'}): draining active jobs`);
  }

  onApplicationShutdown(): void {
    this.logger.log('Worker stopped');
  }

  private arm(exit: (code: number) => void): void {
    if (this.armed) return;
    this.armed = true;
    // Unref'd: a shutdown that finishes in time exits without waiting for the deadline.
    setTimeout(() => {
      this.logger.error(
        `Active jobs did not finish within ${this.config.shutdownGraceMs} ms: abandoning their gateway calls and exiting`,
      );
      this.gatewayCalls.abandonAll('worker shutdown deadline');
      setTimeout(() => exit(1), ABANDON_FLUSH_MS).unref();
    }, this.config.shutdownGraceMs).unref();
  }
}
