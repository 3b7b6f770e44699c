import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { type IntervalHistogram, monitorEventLoopDelay, performance } from 'node:perf_hooks';

/** How finely Node samples the loop, and how often the window is read and reset. */
const RESOLUTION_MS = 10;
const WINDOW_MS = 500;

/**
 * The longest the event loop could not run a ready callback during the last half second, from Node's own
 * `monitorEventLoopDelay` (the measure `@fastify/under-pressure` uses; toobusy-js and overload-protection
 * time a setTimeout of their own and are unmaintained). The maximum rather than the mean: a request that
 * arrived during that stall waited the whole of it.
 */
@Injectable()
export class EventLoopDelayMonitor implements OnModuleInit, OnModuleDestroy {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  private timer: NodeJS.Timeout | undefined;
  private windowStartedAt = 0;
  private delayMs = 0;

  /** Milliseconds, as of the last completed window. */
  get currentDelayMs(): number {
    return this.delayMs;
  }

  onModuleInit(): void {
    this.histogram.enable();
    this.windowStartedAt = performance.now();
    this.timer = setInterval(() => this.closeWindow(), WINDOW_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
    this.histogram.disable();
  }

  private closeWindow(): void {
    const now = performance.now();
    // This timer is late by a stall it sat behind; Node's sample of that stall may land in the next window.
    const ownLatenessMs = now - this.windowStartedAt - WINDOW_MS;
    this.windowStartedAt = now;
    // Each of Node's samples is the interval between two checks: the resolution plus the delay.
    const sampledMs = this.histogram.count === 0 ? 0 : this.histogram.max / 1e6 - RESOLUTION_MS;
    this.delayMs = Math.max(0, ownLatenessMs, sampledMs);
    this.histogram.reset();
  }
}
