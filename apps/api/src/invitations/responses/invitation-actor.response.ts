/** Who sent an invitation. */
export class InvitationActorResponse {
  /** `user`, `platform-user` or `system`. @example "user" */
  readonly type!: string;
  readonly id!: string | null;
}
