import { Schema } from 'mongoose';
import { TenantMoveState } from '../tenant-move-state.enum';
import type { PlacementMove } from './placement-move';
import { PLACEMENT_MOVE_COLLECTION } from './placement-move.constant';

export const PlacementMoveSchema = new Schema<PlacementMove>(
  {
    tenantId: { type: Schema.Types.ObjectId, required: true, immutable: true },
    from: { type: String, required: true, immutable: true },
    to: { type: String, required: true, immutable: true },
    state: { type: String, enum: Object.values(TenantMoveState), required: true },
    collections: { type: Schema.Types.Mixed, default: {} },
    catchUpPasses: { type: Number, default: 0 },
    freezeAttempts: { type: Number, default: 0 },
    verification: { type: [Schema.Types.Mixed], default: [] },
    timings: { type: Schema.Types.Mixed, default: null },
    failure: { type: String, default: null },
    requestedBy: { type: String, required: true, immutable: true },
    startedAt: { type: Date, default: null },
    finishedAt: { type: Date, default: null },
    deleteAfter: { type: Date, default: null },
    oldCopyDeletedAt: { type: Date, default: null },
    oldCopyDeleted: { type: Schema.Types.Mixed, default: null },
    closedAt: { type: Date, default: null },
    cancelRequestedAt: { type: Date, default: null },
    canceledBy: { type: String, default: null },
    switchingAt: { type: Date, default: null },
    leaseOwner: { type: String, default: null },
    leaseUntil: { type: Date, default: null },
  },
  {
    collection: PLACEMENT_MOVE_COLLECTION,
    timestamps: true,
    strict: 'throw',
    strictQuery: 'throw',
    minimize: false,
  },
);

// At most one open move per tenant: the insert of a second one fails with a duplicate key (409 to the operator).
PlacementMoveSchema.index(
  { tenantId: 1 },
  {
    unique: true,
    partialFilterExpression: { closedAt: { $type: 'null' } },
    name: 'one_open_move_per_tenant',
  },
);
// Old copies past their deletion time: `find({ state: 'switched', closedAt: null, deleteAfter: { $lte } })`
// (LostOldCopyDeletionsSweeper), only open moves indexed.
PlacementMoveSchema.index(
  { deleteAfter: 1 },
  { partialFilterExpression: { closedAt: { $type: 'null' } }, name: 'open_moves_by_deletion_time' },
);
// The tenant's moves, newest first: `find({ tenantId }).sort({ _id: -1 })` (the list route, cursor on `_id`).
PlacementMoveSchema.index({ tenantId: 1, _id: -1 });
