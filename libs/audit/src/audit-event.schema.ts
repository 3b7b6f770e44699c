import { Schema, type Types } from 'mongoose';
import { AUDIT_ACTION_NAMES, type AuditActionName } from './audit-actions.constant';
import { AUDIT_ACTOR_TYPES, AUDIT_OUTCOMES, type AuditActorType, type AuditOutcome } from './audit-event';
import { AuditEventImmutableException } from './audit-event-immutable.exception';

export const AUDIT_EVENT_COLLECTION = 'audit_events';
export const AUDIT_EVENT_MODEL = 'AuditEvent';

/**
 * An audit event as stored. A platform collection, not a tenant-owned one: `tenantId` is null for platform
 * events, there is no soft delete (nothing is ever deleted), and `AuditService` does the tenant scoping.
 */
export interface AuditEventDocument {
  _id: Types.ObjectId;
  tenantId: Types.ObjectId | null;
  actor: { type: AuditActorType; id?: string };
  action: AuditActionName;
  resource: { type: string; id: string } | null;
  outcome: AuditOutcome;
  ip: string | null;
  requestId: string | null;
  at: Date;
  metadata: Record<string, unknown>;
}

const actorSchema = new Schema(
  {
    type: { type: String, enum: AUDIT_ACTOR_TYPES, required: true },
    id: { type: String, maxlength: 200 },
  },
  { _id: false },
);

const resourceSchema = new Schema(
  {
    type: { type: String, required: true, maxlength: 100 },
    id: { type: String, required: true, maxlength: 200 },
  },
  { _id: false },
);

export const AuditEventSchema = new Schema<AuditEventDocument>(
  {
    tenantId: { type: Schema.Types.ObjectId, default: null },
    actor: { type: actorSchema, required: true },
    action: { type: String, enum: AUDIT_ACTION_NAMES, required: true },
    resource: { type: resourceSchema, default: null },
    outcome: { type: String, enum: AUDIT_OUTCOMES, required: true },
    ip: { type: String, default: null, maxlength: 100 },
    requestId: { type: String, default: null, maxlength: 200 },
    at: { type: Date, required: true },
    metadata: { type: Schema.Types.Mixed, default: () => ({}) },
  },
  {
    collection: AUDIT_EVENT_COLLECTION,
    strict: 'throw',
    strictQuery: 'throw',
    minimize: false,
    versionKey: false,
  },
);

// Every index ends in `_id: -1` because searches sort `{ at: -1, _id: -1 }` (a stable order for cursor
// pagination when events share a millisecond); with it the index walk returns results in order, no sort.
// A tenant admin reads their own trail: `find({ tenantId }).sort({ at: -1, _id: -1 })`, optionally by time.
AuditEventSchema.index({ tenantId: 1, at: -1, _id: -1 });
// A super-admin searches every tenant's events: `find({ at: { $gte, $lt } }).sort({ at: -1, _id: -1 })`.
AuditEventSchema.index({ at: -1, _id: -1 });
// Either of them filtering by kind: `find({ tenantId, action }).sort({ at: -1, _id: -1 })`.
AuditEventSchema.index({ tenantId: 1, action: 1, at: -1, _id: -1 });

/*
 * Append-only at the model level, below the repository (which has no update or delete methods to begin
 * with): any Mongoose path that would change or remove a stored event fails. Raw driver access through
 * `Model.collection` bypasses Mongoose; in production the application's database user should also lack
 * update/remove privileges on this collection.
 */
const refuse = (operation: string) =>
  function refuseChange(): never {
    throw new AuditEventImmutableException(operation);
  };

for (const operation of [
  'updateMany',
  'replaceOne',
  'findOneAndUpdate',
  'findOneAndReplace',
  'findOneAndDelete',
  'deleteMany',
] as const) {
  AuditEventSchema.pre(operation, refuse(operation));
}
// Both as `Model.updateOne(...)` and as `document.updateOne(...)`; likewise deleteOne.
for (const operation of ['updateOne', 'deleteOne'] as const) {
  AuditEventSchema.pre(operation, { document: true, query: true }, refuse(operation));
}
AuditEventSchema.pre('save', function refuseResave() {
  if (!this.isNew) throw new AuditEventImmutableException('save of an existing event');
});
AuditEventSchema.pre('bulkWrite', function refuseBulkChanges(operations) {
  if (operations.some((operation) => !('insertOne' in operation))) {
    throw new AuditEventImmutableException('bulkWrite with updates, replacements or deletes');
  }
});
