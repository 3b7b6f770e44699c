import type { Document } from 'bson';

/** What a fired `failCommand` fail point does to the command (mongod applies them in this order). */
export interface FailCommandAction {
  /** Hold the connection this long before anything else (`blockConnection` + `blockTimeMS`). */
  readonly blockTimeMS: number;
  /** Close the socket without a reply: to the driver, a network error. */
  readonly closeConnection: boolean;
  /** Answer `{ ok: 0, code }` without running the command. */
  readonly errorCode: number | undefined;
  /** Labels replacing the ones the server would compute; undefined lets the server compute them. */
  readonly errorLabels: readonly string[] | undefined;
  /** Run the command, then report this write concern error beside its result. */
  readonly writeConcernError: Document | undefined;
}
