import { InvitationStatus, type InvitationView, TenantUserRole } from '@tenantpay/identity';
import { InvitationActorResponse } from './invitation-actor.response';

/** An invitation as admins see it: never its token. */
export class InvitationResponse implements InvitationView {
  readonly id!: string;
  /** @example "new.operator@example-bank.com" */
  readonly email!: string;
  readonly name!: string | null;
  readonly role!: TenantUserRole;
  readonly status!: InvitationStatus;
  readonly expiresAt!: string;
  readonly invitedBy!: InvitationActorResponse;
  readonly acceptedAt!: string | null;
  readonly revokedAt!: string | null;
  readonly createdAt!: string;
}
