import type { JobState } from 'bullmq';

/** The states of a BullMQ job that will still run, or be handed on by the stalled check if its worker died. */
export type LiveJobState = Extract<
  JobState,
  'active' | 'waiting' | 'delayed' | 'prioritized' | 'waiting-children'
>;

const LIVE_JOB_STATES: ReadonlySet<string> = new Set<LiveJobState>([
  'active',
  'waiting',
  'delayed',
  'prioritized',
  'waiting-children',
]);

/**
 * Whether a job (by its state as `Queue.getJobState` or `Job.getState` answers it) still owns its work: the
 * sweepers that repair what a lost or dead-lettered job left behind leave the work to it while this holds.
 * Finished jobs (`completed`, `failed`) and jobs Redis no longer knows (`unknown`) do not.
 */
export function isLiveJobState(state: string): state is LiveJobState {
  return LIVE_JOB_STATES.has(state);
}
