import { CheckPhaseQueue } from './check-phase-queue';

describe('CheckPhaseQueue', () => {
  it('runs every task queued in one turn in the next check phase, after the turn, in order', async () => {
    const queue = new CheckPhaseQueue();
    const events: string[] = [];
    queue.push(() => events.push('first'));
    queue.push(() => events.push('second'));
    events.push('turn goes on');
    expect(events).toEqual(['turn goes on']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(['turn goes on', 'first', 'second']);
  });

  it('runs a task queued by a running task in a later check phase, not in the same one', async () => {
    const queue = new CheckPhaseQueue();
    const events: string[] = [];
    queue.push(() => {
      events.push('outer');
      queue.push(() => events.push('inner'));
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(['outer']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(['outer', 'inner']);
  });

  it('fails a throwing task as its own callback would: the error leaves the run, the rest run next', () => {
    const runs: (() => void)[] = [];
    const queue = new CheckPhaseQueue((run) => runs.push(run));
    const events: string[] = [];
    const failure = new Error('task failed');
    queue.push(() => events.push('before the failure'));
    queue.push(() => {
      throw failure;
    });
    queue.push(() => events.push('after the failure'));
    expect(runs).toHaveLength(1);
    expect(() => runs[0]?.()).toThrow(failure);
    expect(events).toEqual(['before the failure']);
    expect(runs).toHaveLength(2);
    queue.push(() => events.push('queued meanwhile'));
    expect(runs).toHaveLength(2);
    runs[1]?.();
    expect(events).toEqual(['before the failure', 'after the failure', 'queued meanwhile']);
  });
});
