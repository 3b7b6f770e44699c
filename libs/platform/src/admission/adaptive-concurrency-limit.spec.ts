import fc from 'fast-check';
import { AdaptiveConcurrencyLimit } from './adaptive-concurrency-limit';

const BOUNDS = { min: 2, max: 32, queuedRequests: 2 };
const UNLOADED_MS = 20;
const WINDOW_MS = 250;

function limiter(clock = { now: 0 }, bounds = BOUNDS) {
  return new AdaptiveConcurrencyLimit(bounds, () => clock.now);
}

/**
 * One window in which `inFlight` requests were in flight at the peak and `n` answers took `latencyMs` (served
 * alone when `inFlight` is 1).
 */
function window(
  limit: AdaptiveConcurrencyLimit,
  latencyMs: number,
  options: { inFlight: number; n?: number; clock?: { now: number } },
) {
  limit.observeInFlight(options.inFlight);
  for (let i = 0; i < (options.n ?? 20); i += 1)
    limit.observe('POST /v1/payments 201', latencyMs, options.inFlight === 1);
  if (options.clock !== undefined) options.clock.now += WINDOW_MS;
  limit.closeWindow();
}

/**
 * A modelled instance that serves `parallel` requests at once at UNLOADED_MS each, `contention` times slower
 * when the machine is shared; more requests wait their turn. A flood keeps it at its limit.
 */
function floodWindow(limit: AdaptiveConcurrencyLimit, parallel: number, contention = 1) {
  const inFlight = limit.current;
  window(limit, UNLOADED_MS * contention * Math.max(1, inFlight / parallel), { inFlight });
}

/** Teaches the limit the unloaded latency (a window of answers served alone), `contention` times slower. */
function learnUnloaded(limit: AdaptiveConcurrencyLimit, contention = 1) {
  window(limit, UNLOADED_MS * contention, { inFlight: 1 });
}

describe('AdaptiveConcurrencyLimit', () => {
  it('starts at the configured maximum', () => {
    expect(limiter().current).toBe(32);
  });

  it('comes down at once to the requests served in parallel plus the allowed queue when more wait', () => {
    const limit = limiter();
    learnUnloaded(limit);
    // 32 in flight, each answer 4× its unloaded latency: 8 served at once, 24 waiting.
    window(limit, 4 * UNLOADED_MS, { inFlight: 32 });
    expect(limit.current).toBe(8 + BOUNDS.queuedRequests);
  });

  it('grows by one per window only while the limit is reached and at most half the allowed queue waits', () => {
    const limit = limiter();
    learnUnloaded(limit);
    window(limit, 4 * UNLOADED_MS, { inFlight: 8 });
    expect(limit.current).toBe(4);
    // 4 in flight, 3 served (latency 4/3 × unloaded), 1 waiting: at most half of the 2 allowed.
    window(limit, (4 / 3) * UNLOADED_MS, { inFlight: 4 });
    expect(limit.current).toBe(5);
    window(limit, UNLOADED_MS, { inFlight: 3 });
    expect(limit.current).toBe(5);
  });

  it('holds while the queue is between half the allowance and the allowance', () => {
    const limit = limiter();
    learnUnloaded(limit);
    window(limit, 4 * UNLOADED_MS, { inFlight: 8 });
    expect(limit.current).toBe(4);
    // 4 in flight, 2 served, 2 waiting.
    for (let n = 0; n < 10; n += 1) window(limit, 2 * UNLOADED_MS, { inFlight: 4 });
    expect(limit.current).toBe(4);
  });

  it('never goes under its floor, nor under one request served plus the allowed queue', () => {
    const floored = limiter({ now: 0 }, { ...BOUNDS, min: 5 });
    learnUnloaded(floored);
    window(floored, 100 * UNLOADED_MS, { inFlight: 32 });
    expect(floored.current).toBe(5);
    const limit = limiter();
    learnUnloaded(limit);
    window(limit, 100 * UNLOADED_MS, { inFlight: 32 });
    expect(limit.current).toBe(1 + BOUNDS.queuedRequests);
  });

  it('extends a window with too few answers to judge', () => {
    const clock = { now: 0 };
    const limit = limiter(clock);
    learnUnloaded(limit);
    window(limit, 8 * UNLOADED_MS, { inFlight: 32, n: 4, clock });
    expect(limit.current).toBe(32);
    window(limit, 8 * UNLOADED_MS, { inFlight: 32, n: 6, clock });
    expect(limit.current).toBe(4 + BOUNDS.queuedRequests);
  });

  it('drops a window still too thin after two seconds: old answers do not judge a later load', () => {
    const clock = { now: 0 };
    const limit = limiter(clock);
    learnUnloaded(limit);
    window(limit, 8 * UNLOADED_MS, { inFlight: 32, n: 9, clock });
    clock.now += 2_000;
    window(limit, 8 * UNLOADED_MS, { inFlight: 0, n: 0, clock });
    window(limit, UNLOADED_MS, { inFlight: 1, n: 1, clock });
    window(limit, UNLOADED_MS, { inFlight: 1, n: 9, clock });
    expect(limit.current).toBe(32);
  });

  it('judges each class against its own unloaded latency: slow routes are not overload', () => {
    const limit = limiter();
    for (let n = 0; n < 5; n += 1) {
      limit.observeInFlight(32);
      for (let i = 0; i < 10; i += 1) limit.observe('GET /v1/payments/: 200', 12, false);
      for (let i = 0; i < 10; i += 1) limit.observe('POST /v1/payments/batches 201', 400, false);
      limit.closeWindow();
    }
    expect(limit.current).toBe(32);
  });

  it('without answers served alone, forgets the fastest answer after one to two periods: a lasting slowdown becomes the new normal', () => {
    const clock = { now: 0 };
    const limit = limiter(clock);
    window(limit, UNLOADED_MS, { inFlight: 2 });
    clock.now = 31_000;
    window(limit, 5 * UNLOADED_MS, { inFlight: 32 });
    expect(limit.current).toBeLessThan(32);
    const lowered = limit.current;
    clock.now = 62_000;
    window(limit, 5 * UNLOADED_MS, { inFlight: lowered });
    expect(limit.current).toBe(lowered + 1);
  });

  it('keeps an instance at capacity on a machine that slows every answer threefold, lone ones too', () => {
    // The AIMD this replaced came down on any median above twice the fastest answer: here, to its floor.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 16 }), (parallel) => {
        const limit = limiter();
        window(limit, UNLOADED_MS, { inFlight: 2, n: 1 });
        learnUnloaded(limit, 3);
        for (let n = 0; n < 40; n += 1) floodWindow(limit, parallel, 3);
        expect(limit.current).toBeGreaterThanOrEqual(parallel);
        expect(limit.current).toBeLessThanOrEqual(parallel + BOUNDS.queuedRequests + 1);
      }),
    );
  });

  it('takes the median of answers served alone for the unloaded latency, not the luckiest answer', () => {
    const limit = limiter();
    window(limit, UNLOADED_MS / 4, { inFlight: 2, n: 1 });
    learnUnloaded(limit);
    // At 4 in flight, answers at twice the lone median: 2 served, 2 waiting (4× the lucky one would say 3 waiting).
    window(limit, 2 * UNLOADED_MS, { inFlight: 4 });
    expect(limit.current).toBe(32);
    window(limit, 2 * UNLOADED_MS, { inFlight: 32 });
    expect(limit.current).toBe(16 + BOUNDS.queuedRequests);
  });

  it('stays within its bounds whatever it observes', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            latencies: fc.array(fc.double({ min: 0, max: 5_000, noNaN: true }), { maxLength: 30 }),
            inFlight: fc.nat({ max: 64 }),
            alone: fc.boolean(),
            elapsedMs: fc.nat({ max: 3_000 }),
          }),
          { maxLength: 60 },
        ),
        (windows) => {
          const clock = { now: 0 };
          const limit = limiter(clock);
          for (const { latencies, inFlight, alone, elapsedMs } of windows) {
            limit.observeInFlight(inFlight);
            for (const latency of latencies) limit.observe('GET /x 200', latency, alone);
            clock.now += elapsedMs;
            limit.closeWindow();
            expect(limit.current).toBeGreaterThanOrEqual(BOUNDS.min);
            expect(limit.current).toBeLessThanOrEqual(BOUNDS.max);
          }
        },
      ),
    );
  });

  it('converges under a flood to what the instance serves in parallel plus at most the allowed queue, and stays', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 24 }), fc.integer({ min: 1, max: 6 }), (parallel, queued) => {
        const limit = limiter({ now: 0 }, { min: 1, max: 32, queuedRequests: queued });
        learnUnloaded(limit);
        for (let n = 0; n < 60; n += 1) floodWindow(limit, parallel);
        const settled = limit.current;
        // At capacity (every parallel slot busy), with no more than the allowed queue (and one step) waiting.
        expect(settled).toBeGreaterThanOrEqual(Math.min(32, parallel));
        expect(settled).toBeLessThanOrEqual(Math.min(32, parallel + queued + 1));
        for (let n = 0; n < 20; n += 1) floodWindow(limit, parallel);
        expect(limit.current).toBe(settled);
      }),
    );
  });

  it('grows to its maximum while latency stays unloaded at the limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 32 }), (start) => {
        const limit = limiter();
        learnUnloaded(limit);
        window(limit, 100 * UNLOADED_MS, { inFlight: start });
        for (let n = 0; n < 40; n += 1) window(limit, UNLOADED_MS, { inFlight: limit.current });
        expect(limit.current).toBe(32);
      }),
    );
  });

  it('comes down (or stays at its floor) whenever a request more than the allowed queue waits at the limit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 50, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (inflations) => {
          const limit = limiter();
          learnUnloaded(limit);
          // Rising latency: each window slower than the last.
          let inflation = 1;
          for (const step of inflations) {
            inflation *= 1 + step / 50;
            const before = limit.current;
            const waiting = before - before / inflation;
            window(limit, inflation * UNLOADED_MS, { inFlight: before });
            if (waiting >= BOUNDS.queuedRequests + 1)
              expect(limit.current === BOUNDS.min || limit.current < before).toBe(true);
            else expect(limit.current).toBeLessThanOrEqual(before + 1);
          }
        },
      ),
    );
  });
});
