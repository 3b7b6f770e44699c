import { Injectable } from '@nestjs/common';
import { type AuditActor, AuditService } from '@tenantpay/audit';
import type { TenantMoveState } from '../tenant-move-state.enum';
import type { PlacementMove } from './placement-move';
import { PLACEMENT_MOVE_AUDIT_ACTIONS } from './placement-move-audit-actions.constant';

/** Records a move's changes of state on the moved tenant's audit trail, the move as the resource. */
@Injectable()
export class PlacementMoveAuditService {
  constructor(private readonly audit: AuditService) {}

  record(
    move: Pick<PlacementMove, '_id' | 'tenantId' | 'from' | 'to'>,
    state: TenantMoveState,
    detail: {
      readonly outcome?: 'success' | 'failure';
      readonly actor?: AuditActor;
      readonly ip?: string | null;
      readonly metadata?: Readonly<Record<string, unknown>>;
    } = {},
  ): Promise<void> {
    return this.audit.record({
      action: PLACEMENT_MOVE_AUDIT_ACTIONS[state],
      outcome: detail.outcome ?? 'success',
      tenantId: move.tenantId.toHexString(),
      actor: detail.actor ?? { type: 'system' },
      resource: { type: 'placement_move', id: move._id.toHexString() },
      ...(detail.ip === undefined ? {} : { ip: detail.ip }),
      metadata: { from: move.from, to: move.to, ...detail.metadata },
    });
  }
}
