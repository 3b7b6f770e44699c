import type { PlacementConnections } from '@tenantpay/placement';
import type { PlacementMove } from './placement-move';
import { PLACEMENT_MOVE_HEARTBEAT_MS } from './placement-move.constant';
import { PlacementMoveLeaseLostError } from './placement-move-lease-lost.error';
import type { PlacementMovesRepository } from './placement-moves.repository';

/**
 * The running worker's hold on a move: renewed every PLACEMENT_MOVE_HEARTBEAT_MS. Each renewal also asks for
 * both placements' connections, which is what counts as use for PlacementConnections: a move works on the
 * connections it was handed at the start, and without this a long move on a quiet cluster would see its
 * connection closed as idle under it.
 */
export class HeldPlacementMoveLease {
  private lost = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly move: PlacementMove,
    owner: string,
    moves: PlacementMovesRepository,
    placements: PlacementConnections,
  ) {
    this.timer = setInterval(() => {
      void (async () => {
        try {
          if (!(await moves.renew(move._id, owner, new Date()))) this.lost = true;
          await placements.connectionFor(move.from);
          await placements.connectionFor(move.to);
        } catch {
          // A renewal that failed (database away) is retried at the next beat; the lease outlasts several.
        }
      })();
    }, PLACEMENT_MOVE_HEARTBEAT_MS);
  }

  assertHeld(): void {
    if (this.lost) throw new PlacementMoveLeaseLostError(this.move._id.toHexString());
  }

  release(): void {
    clearInterval(this.timer);
  }
}
