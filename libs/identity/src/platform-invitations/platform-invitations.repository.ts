import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type ClientSession, isValidObjectId, type Model, Types } from 'mongoose';
import { InvitationStatus } from '../invitations/invitation-status.enum';
import type { PlatformInvitation } from './platform-invitation';
import { PLATFORM_INVITATION_MODEL } from './platform-invitation.schema';

type NewPlatformInvitation = Pick<PlatformInvitation, 'email' | 'tokenHash' | 'expiresAt' | 'invitedBy'>;

/**
 * Invitations of platform operators; a platform collection, so no tenant filter applies. Status changes are
 * conditional on `pending`, so two racing ones cannot both win; writes take their transaction's session.
 */
@Injectable()
export class PlatformInvitationsRepository {
  constructor(@InjectModel(PLATFORM_INVITATION_MODEL) private readonly model: Model<PlatformInvitation>) {}

  async insert(invitation: NewPlatformInvitation, session: ClientSession): Promise<PlatformInvitation> {
    const [created] = await this.model.create(
      [
        {
          ...invitation,
          retiredTokenHashes: [],
          status: InvitationStatus.Pending,
          acceptedAt: null,
          acceptedUserId: null,
          revokedAt: null,
        },
      ],
      { session },
    );
    if (created === undefined) throw new Error('The platform invitation was not created');
    return created.toObject<PlatformInvitation>();
  }

  findById(id: string): Promise<PlatformInvitation | null> {
    if (!isValidObjectId(id)) return Promise.resolve(null);
    return this.model
      .findOne({ _id: new Types.ObjectId(id) })
      .lean<PlatformInvitation>()
      .exec();
  }

  /** By its current token, or by a token a resend retired. */
  findByTokenHash(hash: string): Promise<PlatformInvitation | null> {
    return this.model
      .findOne({ $or: [{ tokenHash: hash }, { retiredTokenHashes: hash }] })
      .lean<PlatformInvitation>()
      .exec();
  }

  listPending(limit: number): Promise<PlatformInvitation[]> {
    return this.model
      .find({ status: InvitationStatus.Pending })
      .sort({ _id: 1 })
      .limit(limit)
      .lean<PlatformInvitation[]>()
      .exec();
  }

  /** Closes every pending invitation past its expiry; answers how many. */
  async expireOverdue(now: Date): Promise<number> {
    const result = await this.model
      .updateMany(
        { status: InvitationStatus.Pending, expiresAt: { $lte: now } },
        { $set: { status: InvitationStatus.Expired } },
      )
      .exec();
    return result.modifiedCount;
  }

  /** Moves a pending invitation to `status` with `fields`; null when it was no longer pending. */
  leavePending(
    id: Types.ObjectId,
    status: InvitationStatus,
    fields: Partial<Pick<PlatformInvitation, 'acceptedAt' | 'acceptedUserId' | 'revokedAt'>>,
    session: ClientSession | null,
  ): Promise<PlatformInvitation | null> {
    return this.model
      .findOneAndUpdate(
        { _id: id, status: InvitationStatus.Pending },
        { $set: { status, ...fields } },
        { returnDocument: 'after', session },
      )
      .lean<PlatformInvitation>()
      .exec();
  }

  /** A new token and expiry for a pending invitation; the old token's hash is retired. */
  replaceToken(
    invitation: PlatformInvitation,
    tokenHash: string,
    expiresAt: Date,
    session: ClientSession,
  ): Promise<PlatformInvitation | null> {
    return this.model
      .findOneAndUpdate(
        { _id: invitation._id, status: InvitationStatus.Pending, tokenHash: invitation.tokenHash },
        { $set: { tokenHash, expiresAt }, $push: { retiredTokenHashes: invitation.tokenHash } },
        { returnDocument: 'after', session },
      )
      .lean<PlatformInvitation>()
      .exec();
  }
}
