/** Where an invitation is; only `pending` holds a seat and can be accepted. */
export enum InvitationStatus {
  Pending = 'pending',
  Accepted = 'accepted',
  Revoked = 'revoked',
  Expired = 'expired',
}
