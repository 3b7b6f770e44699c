/** What every job of the move queue carries: the move's id (its record says everything else). */
export interface PlacementMoveJobData {
  readonly moveId: string;
}
