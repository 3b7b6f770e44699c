import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import {
  DataIsolationService,
  type NewDocument,
  type Page,
  TenantAwareRepository,
} from '@tenantpay/data-isolation';
import { APP_CONFIG, type AppConfig } from '@tenantpay/platform';
import { isValidObjectId, type Model, trusted, Types } from 'mongoose';
import { PURGE_AFTER_TTL_INDEX, purgeAfter } from '../retention/ended-credential-retention';
import type { Invitation } from './invitation';
import { INVITATION_MODEL } from './invitation.schema';
import { InvitationStatus } from './invitation-status.enum';

/** The current tenant's invitations. Status changes are conditional on `pending`, so two racing ones cannot both win. */
@Injectable()
export class InvitationsRepository extends TenantAwareRepository<Invitation> implements OnModuleInit {
  private readonly logger = new Logger(InvitationsRepository.name);

  constructor(
    @InjectModel(INVITATION_MODEL) model: Model<Invitation>,
    isolation: DataIsolationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(model, isolation);
  }

  async onModuleInit(): Promise<void> {
    // See PURGE_AFTER_TTL_INDEX for why this index is created here rather than declared on the schema.
    await this.createIndexOutsideSchema(PURGE_AFTER_TTL_INDEX).catch((error: unknown) =>
      this.logger.warn({ err: error }, 'Could not create the invitations TTL index'),
    );
  }

  insert(invitation: NewDocument<Invitation>): Promise<Invitation> {
    return this.create(invitation);
  }

  findByIdString(id: string): Promise<Invitation | null> {
    if (!isValidObjectId(id)) return Promise.resolve(null);
    return this.findById(new Types.ObjectId(id));
  }

  /** By its current token, or by a token a resend retired. */
  findByTokenHash(hash: string): Promise<Invitation | null> {
    return this.findOne({ $or: [{ tokenHash: hash }, { retiredTokenHashes: hash }] });
  }

  /** Oldest first by id, starting after the given id when there is one. */
  listPending(limit: number, startingAfter?: string): Promise<Page<Invitation>> {
    return this.findPage(
      { status: InvitationStatus.Pending },
      { limit, ...(startingAfter === undefined ? {} : { startingAfter }) },
    );
  }

  countPending(): Promise<number> {
    return this.countDocuments({ status: InvitationStatus.Pending });
  }

  overdue(now: Date, limit: number): Promise<Invitation[]> {
    return this.find(
      { status: InvitationStatus.Pending, expiresAt: trusted({ $lte: now }) },
      { sort: { expiresAt: 1 }, limit },
    );
  }

  /**
   * Moves a pending invitation to `status` with `fields`; null when it was no longer pending. Ended now, it is
   * deleted after the retention period: a pending one never is (its seat is given back by the expiry, not by
   * a deletion), and an ended one's link answers used / revoked / expired until then rather than "unknown".
   */
  leavePending(
    id: Types.ObjectId,
    status: InvitationStatus,
    fields: Partial<Pick<Invitation, 'acceptedAt' | 'acceptedUserId' | 'revokedAt'>> = {},
  ): Promise<Invitation | null> {
    return this.findOneAndUpdate(
      { _id: id, status: InvitationStatus.Pending },
      {
        $set: {
          status,
          ...fields,
          purgeAfter: purgeAfter(new Date(), this.config.auth.endedCredentialRetentionDays),
        },
      },
    );
  }

  /** A new token and expiry for a pending invitation; the old token's hash is retired. */
  replaceToken(invitation: Invitation, tokenHash: string, expiresAt: Date): Promise<Invitation | null> {
    return this.findOneAndUpdate(
      { _id: invitation._id, status: InvitationStatus.Pending, tokenHash: invitation.tokenHash },
      { $set: { tokenHash, expiresAt }, $push: { retiredTokenHashes: invitation.tokenHash } },
    );
  }
}
