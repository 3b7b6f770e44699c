/** The platform-owned collection holding one record per move (shared database, whatever the placements). */
export const PLACEMENT_MOVE_COLLECTION = 'placement_moves';
export const PLACEMENT_MOVE_MODEL = 'PlacementMove';

/** The worker's queue of moves: one job runs a move, a delayed one deletes its old copy after the retention. */
export const PLACEMENT_MOVE_QUEUE = 'placement-move';
export const PLACEMENT_MOVE_RUN_JOB = 'run-move';
export const PLACEMENT_MOVE_DELETE_OLD_COPY_JOB = 'delete-old-copy';
/** The repeatable sweep deleting old copies whose deletion job Redis lost (LostOldCopyDeletionsSweeper). */
export const PLACEMENT_MOVE_SWEEP_JOB = 'sweep-lost-old-copy-deletions';
/** How often it runs: an old copy outlives its retention by at most this (plus the worker's downtime). */
export const PLACEMENT_MOVE_SWEEP_INTERVAL_MS = 10 * 60_000;

/** BullMQ job ids: one run and one deletion per move, however often they are enqueued. */
export const placementMoveJobIds = {
  run: (moveId: string): string => `run-${moveId}`,
  deleteOldCopy: (moveId: string): string => `delete-old-copy-${moveId}`,
} as const;

/**
 * How long a worker holds a move it runs before another may take it over (the first one died). Renewed every
 * {@link PLACEMENT_MOVE_HEARTBEAT_MS}, so only a dead worker (or one whose event loop stood still this long)
 * loses it; short because a move interrupted while frozen keeps the tenant's writes refused until it is settled.
 */
export const PLACEMENT_MOVE_LEASE_MS = 30_000;
export const PLACEMENT_MOVE_HEARTBEAT_MS = 5_000;

/**
 * A run job that finds the move held by another worker is retried: that worker may be dead with its lease not
 * yet run out. Attempts × backoff comfortably exceed one lease.
 */
export const PLACEMENT_MOVE_RUN_ATTEMPTS = 10;
export const PLACEMENT_MOVE_RUN_BACKOFF_MS = 5_000;

/** The reason of the audited platform scope the mover's database commands run in. */
export const PLACEMENT_MOVE_PLATFORM_REASON = 'tenant placement move';
