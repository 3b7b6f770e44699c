import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { type IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';

/** How finely Node samples the loop, and how often the window is read and reset. */
const RESOLUTION_MS = 10;
const WINDOW_MS = 500;

/**
 * How late the event loop ran its callbacks, on average, during the last half second, from Node's own
 * `monitorEventLoopDelay`: the measure and the statistic `@fastify/under-pressure` uses (toobusy-js and
 * overload-protection time a setTimeout of their own and are no longer maintained). The mean, not the
 * maximum: one garbage-collection pause must not shed a whole window of requests, a loop that stays behind
 * must.
 */
@Injectable()
export class EventLoopDelayMonitor implements OnModuleInit, OnModuleDestroy {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  private timer: NodeJS.Timeout | undefined;
  private delayMs = 0;

  /** Milliseconds, as of the last completed window. */
  get currentDelayMs(): number {
    return this.delayMs;
  }

  onModuleInit(): void {
    this.histogram.enable();
    this.timer = setInterval(() => this.closeWindow(), WINDOW_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
    this.histogram.disable();
  }

  private closeWindow(): void {
    // Each sample is the interval between two checks, the resolution plus the delay; none when the loop
    // was blocked for the whole window, whose stall the next window's samples then carry.
    const meanMs = this.histogram.count === 0 ? 0 : this.histogram.mean / 1e6 - RESOLUTION_MS;
    this.delayMs = Math.max(0, meanMs);
    this.histogram.reset();
  }
}
