import { Command } from 'ioredis';

import { DecisionDeadlines } from './decision-deadlines';
import { RedisDecisionTimeoutError } from './redis-decision-timeout.error';

const BUDGET_MS = 75;

interface Call<T> {
  readonly command: Command;
  readonly promise: Promise<T>;
  answer(value: T): void;
  fail(error: Error): void;
}

/** A Redis call the test answers (or never answers) by hand: a real ioredis command, never sent. */
function call<T>(): Call<T> {
  const command = new Command('get', ['key']);
  return {
    command,
    promise: command.promise as Promise<T>,
    // As ioredis's reply parser does: the command resolves with the parsed reply.
    answer: (value: T) => command.resolve(value as unknown as Buffer),
    fail: (error: Error) => command.reject(error),
  };
}

/** Settles every promise callback queued so far, without moving the fake clock. */
const flushMicrotasks = () =>
  new Promise<void>((resolve) => jest.requireActual('timers').setImmediate(resolve));

describe('DecisionDeadlines.watch', () => {
  let deadlines: DecisionDeadlines;
  const watched = <T>(redis: Call<T>): Promise<T> => {
    deadlines.watch(redis.command);
    return redis.promise;
  };

  beforeEach(() => {
    jest.useFakeTimers();
    deadlines = new DecisionDeadlines(BUDGET_MS);
  });
  afterEach(() => jest.useRealTimers());

  it('answers with the call when it answers within the budget', async () => {
    const redis = call<number>();
    const decided = watched(redis);
    redis.answer(7);
    await expect(decided).resolves.toBe(7);
  });

  it('passes on the call’s own failure', async () => {
    const redis = call<number>();
    const decided = watched(redis);
    redis.fail(new Error('connection reset'));
    await expect(decided).rejects.toThrow('connection reset');
  });

  it('refuses a call still unanswered when its budget runs out, and only then', async () => {
    const decided = watched(call<number>());
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
    const decided = watched(redis);
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
    void track('first', watched(first));
    jest.advanceTimersByTime(30);
    void track('second', watched(second));
    jest.advanceTimersByTime(30);
    void track('third', watched(third));
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
      const decided = calls.map((redis) => watched(redis));
      calls.forEach((redis, index) => redis.answer(index));
      await expect(Promise.all(decided)).resolves.toEqual(calls.map((_, index) => index));
      jest.advanceTimersByTime(BUDGET_MS * 2);
    }
    const late = watched(call<number>());
    const refused = expect(late).rejects.toBeInstanceOf(RedisDecisionTimeoutError);
    jest.advanceTimersByTime(BUDGET_MS);
    jest.runOnlyPendingTimers();
    await refused;
  });
});
