import type { TenantMoveTimings } from '@tenantpay/placement-move';

/** Milliseconds spent in each part of a move. */
export class TenantMoveTimingsResponse implements TenantMoveTimings {
  readonly copyMs!: number;
  readonly catchUpMs!: number;
  /** Comparing every document with its copy, before the freeze (writes still accepted). */
  readonly verifyMs!: number;
  /** Writes refused: the drain, final pass, final comparison and switch of every freeze attempt. */
  readonly freezeMs!: number;
  readonly totalMs!: number;
}
