import fc from 'fast-check';
import { AdaptiveConcurrencyLimit } from './adaptive-concurrency-limit';

const BOUNDS = { min: 2, max: 32, latencyTolerance: 2 };

function limiter(clock = { now: 0 }) {
  return new AdaptiveConcurrencyLimit(BOUNDS, () => clock.now);
}

/** One window in which `n` answers of one class took `latencyMs` each. */
function window(
  limit: AdaptiveConcurrencyLimit,
  latencyMs: number,
  options: { reached: boolean; n?: number },
) {
  for (let i = 0; i < (options.n ?? 20); i += 1) limit.observe('POST /v1/payments 201', latencyMs);
  if (options.reached) limit.markReached();
  limit.closeWindow(false);
}

describe('AdaptiveConcurrencyLimit', () => {
  it('starts at the configured maximum', () => {
    expect(limiter().current).toBe(32);
  });

  it('comes down by a quarter per window while answers take more than the tolerance times their unloaded latency', () => {
    const limit = limiter();
    window(limit, 25, { reached: true });
    expect(limit.current).toBe(32);
    window(limit, 100, { reached: true });
    expect(limit.current).toBe(24);
    window(limit, 100, { reached: true });
    expect(limit.current).toBe(18);
  });

  it('grows by one per window only while the limit is reached and latency stays within the tolerance', () => {
    const limit = limiter();
    window(limit, 25, { reached: false });
    for (let n = 0; n < 12; n += 1) window(limit, 200, { reached: true });
    expect(limit.current).toBe(2);
    window(limit, 40, { reached: false });
    expect(limit.current).toBe(2);
    window(limit, 40, { reached: true });
    window(limit, 40, { reached: true });
    expect(limit.current).toBe(4);
  });

  it('extends a window with too few answers to judge', () => {
    const limit = limiter();
    window(limit, 25, { reached: false });
    window(limit, 500, { reached: true, n: 4 });
    expect(limit.current).toBe(32);
    window(limit, 500, { reached: true, n: 6 });
    expect(limit.current).toBe(24);
  });

  it('comes down while the event loop lags, whatever the answers say', () => {
    const limit = limiter();
    limit.closeWindow(true);
    expect(limit.current).toBe(24);
  });

  it('judges each class against its own unloaded latency: slow routes are not overload', () => {
    const limit = limiter();
    for (let n = 0; n < 5; n += 1) {
      for (let i = 0; i < 10; i += 1) limit.observe('GET /v1/payments/: 200', 12);
      for (let i = 0; i < 10; i += 1) limit.observe('POST /v1/payments/batches 201', 400);
      limit.markReached();
      limit.closeWindow(false);
    }
    expect(limit.current).toBe(32);
  });

  it('forgets an unloaded latency after one to two periods, so a lasting slowdown becomes the new normal', () => {
    const clock = { now: 0 };
    const limit = limiter(clock);
    window(limit, 20, { reached: false });
    clock.now = 31_000;
    window(limit, 100, { reached: true });
    expect(limit.current).toBe(24);
    clock.now = 62_000;
    window(limit, 100, { reached: true });
    expect(limit.current).toBe(25);
  });

  it('stays within its bounds whatever it observes', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            latencies: fc.array(fc.double({ min: 0, max: 5_000, noNaN: true }), { maxLength: 30 }),
            reached: fc.boolean(),
            lagging: fc.boolean(),
          }),
          { maxLength: 60 },
        ),
        (windows) => {
          const limit = limiter();
          for (const { latencies, reached, lagging } of windows) {
            for (const latency of latencies) limit.observe('GET /x 200', latency);
            if (reached) limit.markReached();
            limit.closeWindow(lagging);
            expect(limit.current).toBeGreaterThanOrEqual(BOUNDS.min);
            expect(limit.current).toBeLessThanOrEqual(BOUNDS.max);
          }
        },
      ),
    );
  });
});
