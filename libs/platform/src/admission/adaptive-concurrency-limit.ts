export interface AdaptiveLimitBounds {
  readonly min: number;
  readonly max: number;
  /** How many times its unloaded latency a request may take before the limit comes down. */
  readonly latencyTolerance: number;
}

/** Fewer answered requests than this say nothing about latency: the window is extended until there are. */
const MIN_SAMPLES_PER_WINDOW = 10;
/** A window's samples beyond this are not kept (the median of the first ones is as good). */
const MAX_SAMPLES_PER_WINDOW = 4096;
/** Latency classes remembered; requests of further classes are not sampled. */
const MAX_CLASSES = 1024;
/** A class's unloaded latency is the fastest answer seen over the last one to two periods. */
const BASELINE_PERIOD_MS = 30_000;
/**
 * Answers this fast never count as inflated: sub-millisecond routes jitter by several times their latency,
 * which is not overload.
 */
const LATENCY_FLOOR_MS = 10;
/** Multiplicative decrease, additive increase (AIMD, as TCP and Netflix's concurrency-limits). */
const DECREASE_FACTOR = 0.75;

interface Baseline {
  currentMin: number;
  previousMin: number;
  periodStartedAt: number;
}

/**
 * How many requests the instance should serve at once, learnt from how slow its answers get: the point
 * beyond which more concurrency only queues. Requests are grouped in latency classes (method, route shape,
 * status) and each class's unloaded latency is the fastest recent answer; at the end of each window the
 * median of (latency / unloaded latency) is the window's inflation. Above the tolerance, or while the event
 * loop lags, the limit shrinks by a quarter; at or below it, and if the limit was reached in the window, it
 * grows by one. A backend that serves one request at a time (one busy database) thus gets about one or two
 * requests at once, and a parallel one gets as many as keep latency flat, up to `max`.
 */
export class AdaptiveConcurrencyLimit {
  private limit: number;
  private readonly baselines = new Map<string, Baseline>();
  private ratios: number[] = [];
  private reached = false;

  constructor(
    private readonly bounds: AdaptiveLimitBounds,
    private readonly now: () => number,
  ) {
    // Starts open: until latency says otherwise, the instance takes what it is configured for.
    this.limit = bounds.max;
  }

  get current(): number {
    return this.limit;
  }

  /** The instance had `limit` requests in flight (or refused one for it) during this window. */
  markReached(): void {
    this.reached = true;
  }

  /** An answered request of `latencyClass` took `latencyMs`. */
  observe(latencyClass: string, latencyMs: number): void {
    const at = this.now();
    let baseline = this.baselines.get(latencyClass);
    if (baseline === undefined) {
      if (this.baselines.size >= MAX_CLASSES) return;
      baseline = { currentMin: latencyMs, previousMin: latencyMs, periodStartedAt: at };
      this.baselines.set(latencyClass, baseline);
    } else if (at - baseline.periodStartedAt >= BASELINE_PERIOD_MS) {
      baseline.previousMin = baseline.currentMin;
      baseline.currentMin = latencyMs;
      baseline.periodStartedAt = at;
    } else baseline.currentMin = Math.min(baseline.currentMin, latencyMs);
    const unloaded = Math.max(LATENCY_FLOOR_MS, Math.min(baseline.currentMin, baseline.previousMin));
    if (this.ratios.length < MAX_SAMPLES_PER_WINDOW) this.ratios.push(latencyMs / unloaded);
  }

  /**
   * Ends a window: adjusts the limit from its samples and the lag signal, and starts the next. A window with
   * too few answers to judge is extended instead (slow routes at a low limit answer a few per window).
   */
  closeWindow(lagging: boolean): void {
    if (lagging) this.decrease();
    else if (this.ratios.length < MIN_SAMPLES_PER_WINDOW) return;
    else if (median(this.ratios) > this.bounds.latencyTolerance) this.decrease();
    else if (this.reached) this.limit = Math.min(this.bounds.max, this.limit + 1);
    this.ratios = [];
    this.reached = false;
  }

  private decrease(): void {
    this.limit = Math.max(this.bounds.min, Math.floor(this.limit * DECREASE_FACTOR));
  }
}

function median(values: number[]): number {
  values.sort((a, b) => a - b);
  const middle = values.length >> 1;
  return values.length % 2 === 1
    ? (values[middle] ?? 0)
    : ((values[middle - 1] ?? 0) + (values[middle] ?? 0)) / 2;
}
