import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { PlacementConnections } from '@tenantpay/placement';
import { type ListEnvelope, listEnvelope } from '@tenantpay/platform';
import { TenantAdminService } from '@tenantpay/tenancy';
import type { Queue } from 'bullmq';
import { TenantMoveState } from '../tenant-move-state.enum';
import type { PlacementMove } from './placement-move';
import {
  PLACEMENT_MOVE_QUEUE,
  PLACEMENT_MOVE_RUN_ATTEMPTS,
  PLACEMENT_MOVE_RUN_BACKOFF_MS,
  PLACEMENT_MOVE_RUN_JOB,
  placementMoveJobIds,
} from './placement-move.constant';
import { PlacementMoveAuditService } from './placement-move-audit.service';
import { PlacementMoveConflictException } from './placement-move-conflict.exception';
import type { PlacementMoveJobData } from './placement-move-job-data';
import { PlacementMoveNotFoundException } from './placement-move-not-found.exception';
import { type PlacementMoveView, toPlacementMoveView } from './placement-move-view';
import { PlacementMovesRepository } from './placement-moves.repository';

/**
 * The operator's side of a move (issue 21): ask for it, follow it. The move itself runs in the worker
 * (PlacementMoveJobService); this only checks it may start, records it and queues it.
 */
@Injectable()
export class PlacementMovesService {
  private readonly logger = new Logger(PlacementMovesService.name);

  constructor(
    private readonly moves: PlacementMovesRepository,
    private readonly tenantAdmin: TenantAdminService,
    private readonly placements: PlacementConnections,
    private readonly audit: PlacementMoveAuditService,
    @InjectQueue(PLACEMENT_MOVE_QUEUE) private readonly queue: Queue<PlacementMoveJobData>,
  ) {}

  /**
   * Starts moving the tenant's data to `target`: 400 for a placement configuration does not know, 409 when the
   * tenant is already there or another move of it is open (running, or switched with its old copy not yet
   * deleted).
   */
  async request(
    tenantId: string,
    target: string,
    operatorId: string,
    ip: string | null,
  ): Promise<PlacementMoveView> {
    const tenant = await this.tenantAdmin.get(tenantId);
    this.placements.assertConfigured(target);
    if (tenant.placement === target)
      throw new PlacementMoveConflictException(`The tenant is already on placement "${target}".`);
    const move = await this.moves.create({
      tenantId: tenant.id,
      from: tenant.placement,
      to: target,
      requestedBy: operatorId,
    });
    if (move === null) throw await this.openMoveConflict(tenant.id);
    await this.audit.record(move, TenantMoveState.Requested, {
      actor: { type: 'platform-user', id: operatorId },
      ip,
    });
    const moveId = move._id.toHexString();
    try {
      await this.queue.add(
        PLACEMENT_MOVE_RUN_JOB,
        { moveId },
        {
          jobId: placementMoveJobIds.run(moveId),
          attempts: PLACEMENT_MOVE_RUN_ATTEMPTS,
          backoff: { type: 'fixed', delay: PLACEMENT_MOVE_RUN_BACKOFF_MS },
        },
      );
    } catch (error) {
      // Nothing was touched yet: close the move so the operator can simply ask again.
      this.logger.error({ err: error, moveId }, 'Placement move not queued');
      await this.moves.markNotQueued(move._id, 'The move could not be queued; ask again.', new Date());
      await this.audit.record(move, TenantMoveState.Failed, {
        outcome: 'failure',
        metadata: { failure: 'not queued' },
      });
      throw error;
    }
    return toPlacementMoveView(move);
  }

  async get(tenantId: string, moveId: string): Promise<PlacementMoveView> {
    return toPlacementMoveView(await this.findOfTenant(tenantId, moveId));
  }

  /**
   * Cancels a move before its switch: one no worker has taken up is closed at once; a running one stops at its
   * next step (thawed, the target copy deleted, the tenant on its source) and shows `cancelRequestedAt` until it
   * has. Asking again changes nothing. 409 once the switch has begun or the move has ended otherwise.
   */
  async cancel(
    tenantId: string,
    moveId: string,
    operatorId: string,
    ip: string | null,
  ): Promise<PlacementMoveView> {
    const move = await this.findOfTenant(tenantId, moveId);
    const canceled = await this.moves.requestCancel(move._id, operatorId, new Date());
    if (canceled === null) {
      const current = (await this.moves.find(moveId)) ?? move;
      if (current.cancelRequestedAt) return toPlacementMoveView(current);
      throw new PlacementMoveConflictException(notCancelable(current));
    }
    await this.audit.recordCancelRequested(move, operatorId, ip);
    if (canceled.outcome === 'closed')
      await this.audit.record(canceled.move, TenantMoveState.Canceled, {
        metadata: { failure: canceled.move.failure },
      });
    return toPlacementMoveView(canceled.move);
  }

  async list(
    tenantId: string,
    page: { readonly limit: number; readonly startingAfter?: string },
  ): Promise<ListEnvelope<PlacementMoveView>> {
    const tenant = await this.tenantAdmin.get(tenantId);
    const found: PlacementMove[] = await this.moves.listForTenant(tenant.id, page.limit, page.startingAfter);
    return listEnvelope(found.slice(0, page.limit).map(toPlacementMoveView), found.length > page.limit);
  }

  private async findOfTenant(tenantId: string, moveId: string): Promise<PlacementMove> {
    await this.tenantAdmin.get(tenantId);
    const move = await this.moves.find(moveId);
    if (move === null || move.tenantId.toHexString() !== tenantId) throw new PlacementMoveNotFoundException();
    return move;
  }

  private async openMoveConflict(tenantId: string): Promise<PlacementMoveConflictException> {
    const open = await this.moves.findOpen(tenantId);
    const which = open === null ? '' : ` (move ${open._id.toHexString()}, ${open.state})`;
    return new PlacementMoveConflictException(
      `Another move of this tenant is open${which}: a running move, or a switched one whose old copy is not deleted yet.`,
    );
  }
}

/** Why a move can no longer be canceled, for the 409. */
function notCancelable(move: PlacementMove): string {
  if (move.switchingAt || move.state === TenantMoveState.Switched || move.state === TenantMoveState.Cleaned)
    return `The move has switched the tenant to "${move.to}" (or begun to): it can no longer be canceled; move the tenant back instead.`;
  return `The move has already ended (${move.state}): there is nothing to cancel.`;
}
