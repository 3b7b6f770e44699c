import { Injectable } from '@nestjs/common';
import { AuditAction, type AuditActionName, type AuditActor, AuditService } from '@tenantpay/audit';
import type { TenantMoveState } from '../tenant-move-state.enum';
import type { PlacementMove } from './placement-move';
import { PLACEMENT_MOVE_AUDIT_ACTIONS } from './placement-move-audit-actions.constant';

type AuditedMove = Pick<PlacementMove, '_id' | 'tenantId' | 'from' | 'to' | 'state'>;

interface AuditDetail {
  readonly outcome?: 'success' | 'failure';
  readonly actor?: AuditActor;
  readonly ip?: string | null;
  readonly metadata?: Readonly<Record<string, unknown>>;
}

/** Records a move's changes of state on the moved tenant's audit trail, the move as the resource. */
@Injectable()
export class PlacementMoveAuditService {
  constructor(private readonly audit: AuditService) {}

  record(move: AuditedMove, state: TenantMoveState, detail: AuditDetail = {}): Promise<void> {
    return this.recordAction(move, PLACEMENT_MOVE_AUDIT_ACTIONS[state], detail);
  }

  /** An operator asked to cancel the move (the move records `canceled` once it has stopped). */
  recordCancelRequested(move: AuditedMove, operatorId: string, ip: string | null): Promise<void> {
    return this.recordAction(move, AuditAction.TenantPlacementMoveCancelRequested, {
      actor: { type: 'platform-user', id: operatorId },
      ip,
      metadata: { state: move.state },
    });
  }

  private recordAction(move: AuditedMove, action: AuditActionName, detail: AuditDetail): Promise<void> {
    return this.audit.record({
      action,
      outcome: detail.outcome ?? 'success',
      tenantId: move.tenantId.toHexString(),
      actor: detail.actor ?? { type: 'system' },
      resource: { type: 'placement_move', id: move._id.toHexString() },
      ...(detail.ip === undefined ? {} : { ip: detail.ip }),
      metadata: { from: move.from, to: move.to, ...detail.metadata },
    });
  }
}
