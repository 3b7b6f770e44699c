/** The move's tuning, from `config.placementMove` (see README "Moving a tenant"). */
export interface TenantMoveSettings {
  readonly maxFreezeMs: number;
  readonly clockSkewMs: number;
  readonly freezeThreshold: number;
  readonly maxCatchUpPasses: number;
  readonly freezeAttempts: number;
}
