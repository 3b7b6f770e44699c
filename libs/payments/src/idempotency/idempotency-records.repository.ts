import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { DataIsolationService, type NewDocument, TenantAwareRepository } from '@tenantpay/data-isolation';
import type { Model, Types } from 'mongoose';
import type { IdempotencyRecord } from './idempotency-record';
import { IDEMPOTENCY_RECORD_MODEL, IDEMPOTENCY_TTL_INDEX } from './idempotency-record.schema';

/** The current tenant's idempotency records; `complete` joins the caller's transaction. */
@Injectable()
export class IdempotencyRecordsRepository
  extends TenantAwareRepository<IdempotencyRecord>
  implements OnModuleInit
{
  private readonly logger = new Logger(IdempotencyRecordsRepository.name);

  constructor(
    @InjectModel(IDEMPOTENCY_RECORD_MODEL) model: Model<IdempotencyRecord>,
    isolation: DataIsolationService,
  ) {
    super(model, isolation);
  }

  async onModuleInit(): Promise<void> {
    // See IDEMPOTENCY_TTL_INDEX for why this index is created here rather than declared on the schema.
    await this.createIndexOutsideSchema(IDEMPOTENCY_TTL_INDEX).catch((error: unknown) =>
      this.logger.warn({ err: error }, 'Could not create the idempotency TTL index'),
    );
  }

  claim(record: NewDocument<IdempotencyRecord>): Promise<IdempotencyRecord> {
    return this.create(record);
  }

  findByKey(key: string): Promise<IdempotencyRecord | null> {
    return this.findOne({ key });
  }

  /** Takes over a claim that expired or whose request died, only if nobody else took it in between. */
  takeOver(
    existing: IdempotencyRecord,
    replacement: Partial<IdempotencyRecord>,
  ): Promise<IdempotencyRecord | null> {
    return this.findOneAndUpdate(
      {
        _id: existing._id,
        lockToken: existing.lockToken,
        state: existing.state,
        expiresAt: existing.expiresAt,
      },
      { $set: replacement },
    );
  }

  /** The heartbeat: pushes the lease forward while the claim is still this request's and in flight. */
  async renew(id: Types.ObjectId, lockToken: string, lockedUntil: Date): Promise<void> {
    await this.updateOne({ _id: id, lockToken, state: 'in_progress' }, { $set: { lockedUntil } });
  }

  /** Stores the response, in the caller's transaction; false when the claim is no longer this request's. */
  async complete(
    id: Types.ObjectId,
    lockToken: string,
    response: { status: number; body: unknown },
  ): Promise<boolean> {
    const result = await this.updateOne(
      { _id: id, lockToken, state: 'in_progress' },
      {
        $set: {
          state: 'completed',
          lockToken: null,
          responseStatus: response.status,
          responseBody: response.body,
        },
      },
    );
    return result.modifiedCount === 1;
  }

  /** Frees a claim whose request failed, so the client may retry with the same key. */
  async release(id: Types.ObjectId, lockToken: string): Promise<void> {
    await this.deleteOnePermanently({ _id: id, lockToken, state: 'in_progress' });
  }
}
