import type { MinimalJob } from 'bullmq';
import fc from 'fast-check';
import { DEFAULT_WEBHOOK_RETRY_DELAYS_MS, DEFAULT_WEBHOOK_RETRY_JITTER } from '../webhooks.constant';
import { webhookBackoffStrategy, webhookRetryDelayMs } from './webhook-retry-schedule';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('the default webhook retry schedule', () => {
  it('is 1 min, 5 min, 30 min, 1 h, 2 h, 6 h, 14 h: about a day of retries', () => {
    expect(DEFAULT_WEBHOOK_RETRY_DELAYS_MS).toEqual([
      MIN,
      5 * MIN,
      30 * MIN,
      HOUR,
      2 * HOUR,
      6 * HOUR,
      14 * HOUR,
    ]);
    const total = DEFAULT_WEBHOOK_RETRY_DELAYS_MS.reduce((sum, delay) => sum + delay, 0);
    expect(total).toBe(23 * HOUR + 36 * MIN);
  });

  it('never shrinks from one retry to the next', () => {
    for (let index = 1; index < DEFAULT_WEBHOOK_RETRY_DELAYS_MS.length; index += 1)
      expect(DEFAULT_WEBHOOK_RETRY_DELAYS_MS[index]).toBeGreaterThan(
        DEFAULT_WEBHOOK_RETRY_DELAYS_MS[index - 1] ?? 0,
      );
  });
});

describe('webhookRetryDelayMs', () => {
  const schedule = DEFAULT_WEBHOOK_RETRY_DELAYS_MS;

  it('is the scheduled delay at the middle of the jitter range', () => {
    expect(schedule.map((_, index) => webhookRetryDelayMs(schedule, index + 1, 0.1, () => 0.5))).toEqual(
      schedule,
    );
  });

  it('spans exactly ±jitter at the extremes', () => {
    expect(webhookRetryDelayMs(schedule, 1, 0.1, () => 0)).toBe(54_000);
    expect(webhookRetryDelayMs(schedule, 1, 0.1, () => 1)).toBe(66_000);
    expect(webhookRetryDelayMs(schedule, 7, 0.1, () => 0)).toBe(Math.round(14 * HOUR * 0.9));
  });

  it('stays within the jitter bounds for every retry and random value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: schedule.length }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (retry, r) => {
          const base = schedule[retry - 1] ?? 0;
          const delay = webhookRetryDelayMs(schedule, retry, DEFAULT_WEBHOOK_RETRY_JITTER, () => r) ?? -1;
          expect(delay).toBeGreaterThanOrEqual(Math.floor(base * 0.9));
          expect(delay).toBeLessThanOrEqual(Math.ceil(base * 1.1));
        },
      ),
    );
  });

  it('has no retry outside the schedule', () => {
    expect(webhookRetryDelayMs(schedule, 0, 0.1)).toBeNull();
    expect(webhookRetryDelayMs(schedule, schedule.length + 1, 0.1)).toBeNull();
  });
});

describe('webhookBackoffStrategy', () => {
  const job = (retryDelaysMs: number[], jitter: number) =>
    ({
      data: { tenantId: 't', payload: { deliveryId: 'd', retryDelaysMs } },
      opts: { backoff: { type: 'webhook-schedule', jitter } },
    }) as unknown as MinimalJob;

  it("follows the job's own schedule and jitter", () => {
    expect(webhookBackoffStrategy(1, 'webhook-schedule', undefined, job([100, 200, 400], 0))).toBe(100);
    expect(webhookBackoffStrategy(3, 'webhook-schedule', undefined, job([100, 200, 400], 0))).toBe(400);
  });

  it('applies jitter within bounds', () => {
    for (let i = 0; i < 50; i += 1) {
      const delay = webhookBackoffStrategy(2, 'webhook-schedule', undefined, job([100, 1000], 0.2));
      expect(delay).toBeGreaterThanOrEqual(800);
      expect(delay).toBeLessThanOrEqual(1200);
    }
  });

  it('falls back to the default schedule for a job without one', () => {
    const delay = webhookBackoffStrategy(2, 'webhook-schedule', undefined, {
      data: {},
      opts: {},
    } as unknown as MinimalJob);
    expect(delay).toBeGreaterThanOrEqual(4.5 * MIN);
    expect(delay).toBeLessThanOrEqual(5.5 * MIN);
  });
});
