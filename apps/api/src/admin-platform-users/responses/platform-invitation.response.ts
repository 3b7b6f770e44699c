import { InvitationStatus, type PlatformInvitationView } from '@tenantpay/identity';

/** An invitation of a further platform operator: never its token. */
export class PlatformInvitationResponse implements PlatformInvitationView {
  readonly id!: string;
  readonly email!: string;
  readonly status!: InvitationStatus;
  readonly expiresAt!: string;
  /** The operator who sent it. */
  readonly invitedBy!: string | null;
  readonly acceptedAt!: string | null;
  readonly revokedAt!: string | null;
  readonly createdAt!: string;
}
