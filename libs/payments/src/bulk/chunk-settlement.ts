/** What the pending rows of a chunk that failed for good became when it was settled. */
export interface ChunkSettlement {
  created: number;
  failed: number;
}
