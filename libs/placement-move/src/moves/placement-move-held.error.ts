/**
 * Another worker holds the move's lease: it is running it, or it died and its lease has not run out yet. The
 * job is retried later (BullMQ's backoff); by then the move is finished, or its lease is free to take over.
 */
export class PlacementMoveHeldError extends Error {
  constructor(readonly moveId: string) {
    super(`Placement move ${moveId} is held by another worker`);
    this.name = new.target.name;
  }
}
