/** How many of a user's sessions were ended. */
export class RevokedSessionsResponse {
  /** @example 2 */
  readonly revoked!: number;
}
