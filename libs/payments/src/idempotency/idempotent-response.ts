/** A response as it was (or will be) sent, and whether it is a replay of a stored one. */
export interface IdempotentResponse<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly replayed: boolean;
}
