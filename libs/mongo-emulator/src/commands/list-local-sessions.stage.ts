import { Binary, type Document } from 'bson';
import { createHash } from 'node:crypto';
import type { CommandContext } from './command-context';
import { CommandError } from './command-error';

const STAGE = '$listLocalSessions';
/** The uid of a session opened without authentication: SHA-256 of nothing (mongod's kNoAuthDigest). */
const NO_AUTH_USER_DIGEST = userDigest('');

export interface LocalSessionsSource {
  /** One record per cached session: `{ _id: { id, uid }, lastUse }`, as mongod's session cache. */
  readonly source: Document[];
  /** The stages after `$listLocalSessions`. */
  readonly stages: Document[];
}

/**
 * A database aggregate (`{ aggregate: 1 }`) whose first stage is `$listLocalSessions` reads the sessions the
 * engine has seen (every command carrying an lsid, and startSession), not a collection. `{}` and
 * `{ allUsers: true }` list every session (the engine has no access control); `{ users: [...] }` lists the
 * sessions of those users, which are none since no session belongs to an authenticated user.
 * https://www.mongodb.com/docs/manual/reference/operator/aggregation/listLocalSessions/
 */
export function localSessionsSource(
  context: CommandContext,
  pipeline: Document[],
): LocalSessionsSource | undefined {
  const later = pipeline.findIndex((stage, index) => index > 0 && STAGE in stage);
  if (later !== -1)
    throw new CommandError('BadValue', `${STAGE} is only valid as the first stage in a pipeline`);
  const [first, ...stages] = pipeline;
  if (first === undefined || !(STAGE in first)) return undefined;
  if (context.command['aggregate'] !== 1) {
    throw new CommandError(
      'InvalidNamespace',
      `${STAGE} must be run against the database with {aggregate: 1}, not a collection`,
    );
  }
  if (context.transaction !== undefined) {
    throw new CommandError('OperationNotSupportedInTransaction', `${STAGE} cannot be used in a transaction`);
  }
  const wanted = requestedUserDigests(first[STAGE]);
  const listed = wanted === undefined || wanted.has(NO_AUTH_USER_DIGEST.toString('hex'));
  const source = listed
    ? context.sessions.localSessions().map((session) => ({
        _id: { id: session.id, uid: new Binary(NO_AUTH_USER_DIGEST) },
        lastUse: session.lastUse,
      }))
    : [];
  return { source, stages };
}

/** The hex digests of the users the spec names; undefined for every user. */
function requestedUserDigests(spec: unknown): Set<string> | undefined {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    throw new CommandError('TypeMismatch', `${STAGE} options must be specified in an object`);
  }
  for (const field of Object.keys(spec)) {
    if (field !== 'allUsers' && field !== 'users')
      throw new CommandError('UnknownBsonField', `BSON field '${STAGE}.${field}' is an unknown field.`);
  }
  const { allUsers, users } = spec as Document;
  if (users === undefined) return undefined;
  if (allUsers === true) {
    throw new CommandError(
      'InvalidOptions',
      `${STAGE} may not specify {allUsers:true} and {users:[...]} at the same time`,
    );
  }
  if (!Array.isArray(users))
    throw new CommandError('TypeMismatch', `BSON field '${STAGE}.users' must be an array`);
  return new Set(
    users.map((user: unknown) => {
      const { user: name, db } = (user ?? {}) as Document;
      if (typeof name !== 'string' || typeof db !== 'string')
        throw new CommandError(
          'TypeMismatch',
          `${STAGE}.users entries must be {user: <string>, db: <string>}`,
        );
      return userDigest(`${name}@${db}`).toString('hex');
    }),
  );
}

/** mongod's user digest: SHA-256 of `user@db`. */
function userDigest(fullName: string): Buffer {
  return createHash('sha256').update(fullName).digest();
}
