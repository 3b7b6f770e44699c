import type { TenantMoveTimings } from '@tenantpay/placement-move';

/** Milliseconds spent in each part of a move. */
export class TenantMoveTimingsResponse implements TenantMoveTimings {
  readonly copyMs!: number;
  readonly catchUpMs!: number;
  /** Writes refused: the drain, final pass, verification and switch of every freeze attempt. */
  readonly freezeMs!: number;
  readonly totalMs!: number;
}
