import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ValidationException } from '@tenantpay/platform';
import { type QueryFilter, type Model, Types } from 'mongoose';
import type { AuditActionName } from './audit-actions.constant';
import type { AuditActor, AuditEvent, AuditOutcome, AuditResource } from './audit-event';
import { AUDIT_EVENT_MODEL, type AuditEventDocument } from './audit-event.schema';

/** An event ready to store: every field decided, metadata already redacted. */
export interface NewAuditEvent {
  readonly tenantId: string | null;
  readonly actor: AuditActor;
  readonly action: AuditActionName;
  readonly resource: AuditResource | null;
  readonly outcome: AuditOutcome;
  readonly ip: string | null;
  readonly requestId: string | null;
  readonly at: Date;
  readonly metadata: Record<string, unknown>;
}

/** A search whose tenant scope the caller (AuditService) has already decided; ids are valid hex. */
export interface AuditEventQuery {
  /** A tenant's events, null for platform events only, undefined for all. */
  readonly tenantId: string | null | undefined;
  readonly actorId?: string;
  readonly action?: AuditActionName;
  readonly outcome?: AuditOutcome;
  readonly from?: Date;
  readonly to?: Date;
  readonly limit: number;
  readonly startingAfter?: string;
}

/**
 * The only access to `audit_events`: insert and search. There is deliberately no update or delete here
 * (and the schema refuses them too): the audit trail is append-only.
 */
@Injectable()
export class AuditEventRepository {
  constructor(@InjectModel(AUDIT_EVENT_MODEL) private readonly model: Model<AuditEventDocument>) {}

  async insert(event: NewAuditEvent): Promise<AuditEvent> {
    const created = await this.model.create({
      ...event,
      tenantId: event.tenantId === null ? null : new Types.ObjectId(event.tenantId),
    });
    return toAuditEvent(created.toObject());
  }

  /** Newest first (`at`, then `_id`, both descending), one more than asked to learn whether more exist. */
  async search(query: AuditEventQuery): Promise<{ events: AuditEvent[]; hasMore: boolean }> {
    const scope: QueryFilter<AuditEventDocument> =
      query.tenantId === undefined
        ? {}
        : { tenantId: query.tenantId === null ? null : new Types.ObjectId(query.tenantId) };
    const conditions: QueryFilter<AuditEventDocument>[] = [scope];
    if (query.actorId !== undefined) conditions.push({ 'actor.id': query.actorId });
    if (query.action !== undefined) conditions.push({ action: query.action });
    if (query.outcome !== undefined) conditions.push({ outcome: query.outcome });
    if (query.from !== undefined) conditions.push({ at: { $gte: query.from } });
    if (query.to !== undefined) conditions.push({ at: { $lt: query.to } });
    if (query.startingAfter !== undefined) conditions.push(await this.after(query.startingAfter, scope));

    const documents = await this.model
      .find({ $and: conditions })
      .sort({ at: -1, _id: -1 })
      .limit(query.limit + 1)
      .lean<AuditEventDocument[]>()
      .exec();
    return {
      events: documents.slice(0, query.limit).map(toAuditEvent),
      hasMore: documents.length > query.limit,
    };
  }

  /**
   * The events after the cursor in search order. The cursor is looked up within the caller's tenant scope,
   * so another tenant's event id is refused exactly like an id that does not exist.
   */
  private async after(
    cursorId: string,
    scope: QueryFilter<AuditEventDocument>,
  ): Promise<QueryFilter<AuditEventDocument>> {
    const cursor = await this.model
      .findOne({ $and: [scope, { _id: new Types.ObjectId(cursorId) }] }, { at: 1 })
      .lean<Pick<AuditEventDocument, '_id' | 'at'>>()
      .exec();
    if (cursor === null) {
      throw new ValidationException([
        { field: 'starting_after', issue: 'does not name an event of this search' },
      ]);
    }
    return { $or: [{ at: { $lt: cursor.at } }, { at: cursor.at, _id: { $lt: cursor._id } }] };
  }
}

function toAuditEvent(document: AuditEventDocument): AuditEvent {
  return {
    id: document._id.toHexString(),
    tenantId: document.tenantId === null ? null : document.tenantId.toHexString(),
    actor: document.actor.id === undefined ? { type: document.actor.type } : { ...document.actor },
    action: document.action,
    resource: document.resource === null ? null : { type: document.resource.type, id: document.resource.id },
    outcome: document.outcome,
    ip: document.ip,
    requestId: document.requestId,
    at: document.at,
    metadata: document.metadata,
  };
}
