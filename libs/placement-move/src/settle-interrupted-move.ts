import { deleteTenantCopy } from './delete-tenant-copy';
import type { TenantCopyScope } from './tenant-copy-scope';
import type { TenantWriteFreeze } from './tenant-move-ports';
import { TenantMoveState } from './tenant-move-state.enum';

/**
 * What a worker does with a move it finds unfinished (its runner crashed, or the switch's outcome was unknown):
 * the tenant document's placement is the one authority. Already on the target → the switch happened, so the
 * move ends switched (writes admitted to the target, the source's copy kept for its retention). Still on the
 * source → nothing of the target copy may be trusted: writes thawed on the source, the target copy deleted, the
 * move failed. Never half-switched, and safe to repeat.
 */
export async function settleInterruptedMove(
  scope: TenantCopyScope,
  freeze: TenantWriteFreeze,
  placements: { readonly current: string; readonly target: string },
): Promise<TenantMoveState.Switched | TenantMoveState.Failed> {
  const tenantId = scope.tenantId.toHexString();
  if (placements.current === placements.target) {
    await freeze.switchTo(tenantId, placements.target);
    return TenantMoveState.Switched;
  }
  await freeze.thaw(tenantId);
  await deleteTenantCopy(scope.target, scope.tenantId, scope.collections);
  return TenantMoveState.Failed;
}
