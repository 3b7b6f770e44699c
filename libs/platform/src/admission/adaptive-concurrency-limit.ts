export interface AdaptiveLimitBounds {
  readonly min: number;
  readonly max: number;
  /** Requests the limit lets wait beyond those the instance serves in parallel (Vegas's queue allowance). */
  readonly queuedRequests: number;
}

/** Fewer answered requests than this say nothing about latency: the window is extended until there are. */
const MIN_SAMPLES_PER_WINDOW = 10;
/**
 * An extended window older than this is dropped without a decision: samples from seconds ago describe
 * another load (a quiet tenant's few answers must not carry the last flood's slowness into its own phase).
 */
const MAX_WINDOW_MS = 2_000;
/** A window's samples beyond this are not kept (the median of the first ones is as good). */
const MAX_SAMPLES_PER_WINDOW = 4096;
/** Latency classes remembered; requests of further classes are not sampled. */
const MAX_CLASSES = 1024;
/**
 * Until a class has this many answers served alone, its unloaded latency is its fastest answer over the last
 * one to two periods.
 */
const MIN_ALONE_SAMPLES = 5;
/** A class's unloaded latency is the median of its last answers served alone, this many. */
const ALONE_SAMPLES_KEPT = 15;
/** The period of the fastest-answer stand-in. */
const BASELINE_PERIOD_MS = 30_000;
/**
 * Answers this fast never count as inflated: sub-millisecond routes jitter by several times their latency,
 * which is not overload.
 */
const LATENCY_FLOOR_MS = 10;

interface Baseline {
  currentMin: number;
  previousMin: number;
  periodStartedAt: number;
  /** Latencies of the last answers served with no other request in flight, oldest first. */
  readonly alone: number[];
  /** Their median, kept up to date. */
  aloneMedian: number;
}

/**
 * How many requests the instance should serve at once: as many as it serves in parallel, plus
 * `queuedRequests` waiting, so it runs at capacity while a request waits behind only a few others. The idea of
 * TCP Vegas as Netflix's concurrency-limits applies it (VegasLimit); no maintained JavaScript implementation
 * exists on npm, and ours must judge latency per class (an instance serves routes of very different cost).
 *
 * Requests are grouped in latency classes (method, route shape, status) and each class's unloaded latency is
 * the median of its recent answers served alone (no other request in flight), so on a machine shared with
 * other work it is the latency of a lone request there and then, not one lucky answer (until a class has
 * answers served alone, its fastest recent answer stands in). A window's inflation is the median of
 * (latency / unloaded latency). By Little's law, of the `p` requests in flight (the window's peak),
 * `p / inflation` are being served and the rest wait.
 * More than `queuedRequests` waiting: the limit drops at once to those served plus `queuedRequests` (rounded
 * up). At most half that waiting while the limit was reached: it grows by one. In between it holds.
 *
 * Why not a ratio threshold (the AIMD this replaced: a quarter off whenever the median inflation passed 2,
 * and on every window the event loop lagged): on a single-threaded engine latency is already twice the
 * unloaded one at the concurrency that first saturates it, and a machine shared with other work inflates
 * every answer whatever the concurrency, so the limit fell to its floor and the instance served a fraction of
 * its capacity. Here a slowdown that is not queueing (every answer slower, alone ones too) moves the unloaded
 * latency with it, and the limit stays where the queue is. Event-loop lag is not a signal of its own: it is
 * in every answer's latency already, and fair shares refuse on it directly.
 */
export class AdaptiveConcurrencyLimit {
  private limit: number;
  private readonly baselines = new Map<string, Baseline>();
  private ratios: number[] = [];
  private peakInFlight = 0;
  private windowStartedAt: number;

  constructor(
    private readonly bounds: AdaptiveLimitBounds,
    private readonly now: () => number,
  ) {
    // Starts open: until latency says otherwise, the instance takes what it is configured for.
    this.limit = bounds.max;
    this.windowStartedAt = now();
  }

  get current(): number {
    return this.limit;
  }

  /** The instance has `inFlight` requests in flight now (or refused one at that many). */
  observeInFlight(inFlight: number): void {
    if (inFlight > this.peakInFlight) this.peakInFlight = inFlight;
  }

  /** An answered request of `latencyClass` took `latencyMs`; `alone`: no other request was in flight. */
  observe(latencyClass: string, latencyMs: number, alone: boolean): void {
    const at = this.now();
    let baseline = this.baselines.get(latencyClass);
    if (baseline === undefined) {
      if (this.baselines.size >= MAX_CLASSES) return;
      baseline = {
        currentMin: latencyMs,
        previousMin: latencyMs,
        periodStartedAt: at,
        alone: [],
        aloneMedian: latencyMs,
      };
      this.baselines.set(latencyClass, baseline);
    } else if (at - baseline.periodStartedAt >= BASELINE_PERIOD_MS) {
      baseline.previousMin = baseline.currentMin;
      baseline.currentMin = latencyMs;
      baseline.periodStartedAt = at;
    } else baseline.currentMin = Math.min(baseline.currentMin, latencyMs);
    if (alone) {
      baseline.alone.push(latencyMs);
      if (baseline.alone.length > ALONE_SAMPLES_KEPT) baseline.alone.shift();
      baseline.aloneMedian = median([...baseline.alone]);
    }
    const unloaded = Math.max(
      LATENCY_FLOOR_MS,
      baseline.alone.length >= MIN_ALONE_SAMPLES
        ? baseline.aloneMedian
        : Math.min(baseline.currentMin, baseline.previousMin),
    );
    if (this.ratios.length < MAX_SAMPLES_PER_WINDOW) this.ratios.push(latencyMs / unloaded);
  }

  /**
   * Ends a window: adjusts the limit from its samples, and starts the next. A window with too few answers to
   * judge is extended instead (slow routes at a low limit answer a few per window), up to MAX_WINDOW_MS.
   */
  closeWindow(): void {
    const at = this.now();
    if (this.ratios.length < MIN_SAMPLES_PER_WINDOW) {
      if (at - this.windowStartedAt < MAX_WINDOW_MS) return;
    } else this.adjust(Math.max(1, median(this.ratios)));
    this.ratios = [];
    this.peakInFlight = 0;
    this.windowStartedAt = at;
  }

  private adjust(inflation: number): void {
    const inFlight = this.peakInFlight;
    const served = inFlight / inflation;
    const waiting = inFlight - served;
    if (waiting > this.bounds.queuedRequests) {
      // Rounded up: the limit never goes under one served request plus the queue, whatever the floor says.
      const target = Math.ceil(served + this.bounds.queuedRequests);
      this.limit = Math.max(this.bounds.min, Math.min(this.limit, target));
    } else if (inFlight >= this.limit && waiting <= this.bounds.queuedRequests / 2)
      this.limit = Math.min(this.bounds.max, this.limit + 1);
  }
}

function median(values: number[]): number {
  values.sort((a, b) => a - b);
  const middle = values.length >> 1;
  return values.length % 2 === 1
    ? (values[middle] ?? 0)
    : ((values[middle - 1] ?? 0) + (values[middle] ?? 0)) / 2;
}
