/**
 * This worker no longer holds the move (another took it over after the lease ran out): it must stop touching
 * the tenant, its Redis state and both copies, which are now the other worker's to settle.
 */
export class PlacementMoveLeaseLostError extends Error {
  constructor(readonly moveId: string) {
    super(`Placement move ${moveId} was taken over by another worker`);
    this.name = new.target.name;
  }
}
