import { DecisionDeadlines } from './decision-deadlines';
import { RedisDecisionTimeoutError } from './redis-decision-timeout.error';

const BUDGET_MS = 75;

/** A Redis call the test answers (or never answers) by hand. */
function call<T>(): { promise: Promise<T>; answer: (value: T) => void; fail: (error: Error) => void } {
  let answer!: (value: T) => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<T>((resolve, reject) => {
    answer = resolve;
    fail = reject;
  });
  return { promise, answer, fail };
}

/** Settles every promise callback queued so far, without moving the fake clock. */
const flushMicrotasks = () =>
  new Promise<void>((resolve) => jest.requireActual('timers').setImmediate(resolve));

describe('DecisionDeadlines.race', () => {
  let deadlines: DecisionDeadlines;

  beforeEach(() => {
    jest.useFakeTimers();
    deadlines = new DecisionDeadlines(BUDGET_MS);
  });
  afterEach(() => jest.useRealTimers());

  it('answers with the call when it answers within the budget', async () => {
    const redis = call<number>();
    const decided = deadlines.race(redis.promise);
    redis.answer(7);
    await expect(decided).resolves.toBe(7);
  });

  it('passes on the call’s own failure', async () => {
    const redis = call<number>();
    const decided = deadlines.race(redis.promise);
    redis.fail(new Error('connection reset'));
    await expect(decided).rejects.toThrow('connection reset');
  });

  it('refuses a call still unanswered when its budget runs out, and only then', async () => {
    const decided = deadlines.race(call<number>().promise);
    let outcome: unknown;
    decided.catch((error: unknown) => (outcome = error));
    jest.advanceTimersByTime(BUDGET_MS - 1);
    await flushMicrotasks();
    expect(outcome).toBeUndefined();
    jest.advanceTimersByTime(1);
    jest.runOnlyPendingTimers();
    await flushMicrotasks();
    expect(outcome).toBeInstanceOf(RedisDecisionTimeoutError);
  });

  it('lets an answer that arrives in the same event-loop turn as the deadline win', async () => {
    const redis = call<number>();
    const decided = deadlines.race(redis.promise);
    // The deadline fires, then the answer (already in the socket buffer) is delivered before the refusal runs.
    jest.advanceTimersByTime(BUDGET_MS);
    redis.answer(3);
    await flushMicrotasks(); // the poll phase: the answer's callbacks run before the check phase's refusal
    jest.runOnlyPendingTimers();
    await expect(decided).resolves.toBe(3);
  });

  it('expires each call on its own deadline, oldest first, whatever the others do', async () => {
    const first = call<string>();
    const second = call<string>();
    const third = call<string>();
    const outcomes: string[] = [];
    const track = (name: string, promise: Promise<string>) =>
      promise.then(
        (value) => outcomes.push(`${name}:${value}`),
        (error: unknown) =>
          outcomes.push(`${name}:${error instanceof RedisDecisionTimeoutError ? 'timeout' : 'error'}`),
      );
    void track('first', deadlines.race(first.promise));
    jest.advanceTimersByTime(30);
    void track('second', deadlines.race(second.promise));
    jest.advanceTimersByTime(30);
    void track('third', deadlines.race(third.promise));
    second.answer('ok');
    await flushMicrotasks();

    jest.advanceTimersByTime(BUDGET_MS - 60);
    jest.runOnlyPendingTimers();
    await flushMicrotasks();
    expect(outcomes).toEqual(['second:ok', 'first:timeout']);

    jest.advanceTimersByTime(60);
    jest.runOnlyPendingTimers();
    await flushMicrotasks();
    expect(outcomes).toEqual(['second:ok', 'first:timeout', 'third:timeout']);
  });

  it('keeps working across many rounds of answered calls (the list empties and refills)', async () => {
    for (let round = 0; round < 3; round += 1) {
      const calls = Array.from({ length: 100 }, () => call<number>());
      const decided = calls.map((redis) => deadlines.race(redis.promise));
      calls.forEach((redis, index) => redis.answer(index));
      await expect(Promise.all(decided)).resolves.toEqual(calls.map((_, index) => index));
      jest.advanceTimersByTime(BUDGET_MS * 2);
    }
    const late = deadlines.race(call<number>().promise);
    const refused = expect(late).rejects.toBeInstanceOf(RedisDecisionTimeoutError);
    jest.advanceTimersByTime(BUDGET_MS);
    jest.runOnlyPendingTimers();
    await refused;
  });
});
