/** What verifying one collection found: the tenant's documents on each side, counted and checksummed. */
export interface CollectionVerification {
  readonly collection: string;
  readonly sourceCount: number;
  readonly targetCount: number;
  readonly sourceChecksum: string;
  readonly targetChecksum: string;
  readonly matches: boolean;
}
