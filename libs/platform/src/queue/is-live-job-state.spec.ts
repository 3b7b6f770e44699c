import { isLiveJobState } from './is-live-job-state';

describe('isLiveJobState', () => {
  it.each(['active', 'waiting', 'delayed', 'prioritized', 'waiting-children'])(
    'holds for %s: BullMQ will still run the job, or hand it on',
    (state) => {
      expect(isLiveJobState(state)).toBe(true);
    },
  );

  it.each(['completed', 'failed', 'unknown', 'missing'])(
    'does not hold for %s: nothing will run the job again',
    (state) => {
      expect(isLiveJobState(state)).toBe(false);
    },
  );
});
