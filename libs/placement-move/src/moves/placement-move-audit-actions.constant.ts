import { AuditAction, type AuditActionName } from '@tenantpay/audit';
import { TenantMoveState } from '../tenant-move-state.enum';

/** The audit action recorded when a move enters each state (one event per change of state). */
export const PLACEMENT_MOVE_AUDIT_ACTIONS: Readonly<Record<TenantMoveState, AuditActionName>> = {
  [TenantMoveState.Requested]: AuditAction.TenantPlacementMoveRequested,
  [TenantMoveState.Preparing]: AuditAction.TenantPlacementMovePreparing,
  [TenantMoveState.Copying]: AuditAction.TenantPlacementMoveCopying,
  [TenantMoveState.CatchingUp]: AuditAction.TenantPlacementMoveCatchingUp,
  [TenantMoveState.Frozen]: AuditAction.TenantPlacementMoveFrozen,
  [TenantMoveState.Verifying]: AuditAction.TenantPlacementMoveVerifying,
  [TenantMoveState.Switched]: AuditAction.TenantPlacementMoveSwitched,
  [TenantMoveState.Failed]: AuditAction.TenantPlacementMoveFailed,
  [TenantMoveState.Canceled]: AuditAction.TenantPlacementMoveCanceled,
  [TenantMoveState.Cleaned]: AuditAction.TenantPlacementMoveOldCopyDeleted,
};
