import fc from 'fast-check';

import { type SlidingWindowCounterState, consumeSlidingWindowCounter } from './sliding-window-counter';

const WINDOW_MS = 60_000;

/** Replays requests at the given times against one subject; returns the admitted ones. */
function replay(
  requests: readonly { atMs: number; cost: number }[],
  limit: number,
): { atMs: number; cost: number; retryAfterMs: number; allowed: boolean }[] {
  let state: SlidingWindowCounterState | undefined;
  return requests.map(({ atMs, cost }) => {
    const result = consumeSlidingWindowCounter(state, atMs, limit, WINDOW_MS, cost);
    state = result.state;
    return { atMs, cost, retryAfterMs: result.outcome.retryAfterMs, allowed: result.outcome.allowed };
  });
}

function maxAdmittedInAnyWindow(admitted: readonly { atMs: number; cost: number }[]): number {
  let best = 0;
  for (const start of admitted) {
    const inSpan = admitted.filter((r) => r.atMs >= start.atMs && r.atMs < start.atMs + WINDOW_MS);
    best = Math.max(
      best,
      inSpan.reduce((sum, r) => sum + r.cost, 0),
    );
  }
  return best;
}

describe('consumeSlidingWindowCounter', () => {
  it('admits up to the limit in a window and then refuses', () => {
    const results = replay(
      Array.from({ length: 8 }, (_, i) => ({ atMs: 10 * WINDOW_MS + i, cost: 1 })),
      5,
    );
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, true, true, false, false, false]);
  });

  it('does not let a burst of twice the limit through at a window edge, unlike a fixed window', () => {
    const edge = 10 * WINDOW_MS;
    const burst = (atMs: number) => Array.from({ length: 20 }, () => ({ atMs, cost: 1 }));
    const results = replay([...burst(edge - 1), ...burst(edge + 1)], 10);
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
  });

  it('weights the previous window by how much of it the sliding window still covers', () => {
    const start = 10 * WINDOW_MS;
    let { state } = consumeSlidingWindowCounter(undefined, start, 10, WINDOW_MS, 10);
    // A quarter into the next window, 75% of the previous 10 still counts: 7.5 used, so 2 more fit, not 3.
    const quarter = start + WINDOW_MS + WINDOW_MS / 4;
    const first = consumeSlidingWindowCounter(state, quarter, 10, WINDOW_MS, 2);
    state = first.state;
    const second = consumeSlidingWindowCounter(state, quarter, 10, WINDOW_MS, 1);
    expect(first.outcome).toMatchObject({ allowed: true, remaining: 0 });
    expect(second.outcome.allowed).toBe(false);
  });

  it('keeps every window-long span under twice the limit and every fixed window within the limit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.array(
          fc.record({ gapMs: fc.integer({ min: 0, max: 20_000 }), cost: fc.integer({ min: 1, max: 5 }) }),
          {
            maxLength: 150,
          },
        ),
        (limit, schedule) => {
          let atMs = 7 * WINDOW_MS;
          const requests = schedule.map(({ gapMs, cost }) => ({ atMs: (atMs += gapMs), cost }));
          const admitted = replay(requests, limit).filter((r) => r.allowed);
          expect(maxAdmittedInAnyWindow(admitted)).toBeLessThan(2 * limit);
          const perFixedWindow = new Map<number, number>();
          for (const r of admitted) {
            const index = Math.floor(r.atMs / WINDOW_MS);
            perFixedWindow.set(index, (perFixedWindow.get(index) ?? 0) + r.cost);
          }
          for (const used of perFixedWindow.values()) expect(used).toBeLessThanOrEqual(limit);
        },
      ),
    );
  });

  it('names the exact moment a refused request would be admitted', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.array(
          fc.record({ gapMs: fc.integer({ min: 0, max: 30_000 }), cost: fc.integer({ min: 1, max: 4 }) }),
          {
            minLength: 1,
            maxLength: 60,
          },
        ),
        fc.integer({ min: 1, max: 4 }),
        (limit, schedule, probeCost) => {
          let state: SlidingWindowCounterState | undefined;
          let atMs = 3 * WINDOW_MS;
          for (const { gapMs, cost } of schedule) {
            atMs += gapMs;
            state = consumeSlidingWindowCounter(state, atMs, limit, WINDOW_MS, cost).state;
          }
          const refused = consumeSlidingWindowCounter(state, atMs, limit, WINDOW_MS, probeCost).outcome;
          fc.pre(!refused.allowed && refused.retryAfterMs > 0);
          const retryAt = atMs + refused.retryAfterMs;
          expect(
            consumeSlidingWindowCounter(state, retryAt, limit, WINDOW_MS, probeCost).outcome.allowed,
          ).toBe(true);
          expect(
            consumeSlidingWindowCounter(state, retryAt - 1, limit, WINDOW_MS, probeCost).outcome.allowed,
          ).toBe(false);
        },
      ),
    );
  });

  it('never admits a cost larger than the limit and says no wait helps', () => {
    expect(consumeSlidingWindowCounter(undefined, WINDOW_MS, 3, WINDOW_MS, 4).outcome).toMatchObject({
      allowed: false,
      retryAfterMs: -1,
    });
  });
});
