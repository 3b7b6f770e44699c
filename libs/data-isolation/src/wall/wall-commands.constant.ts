/**
 * The command vocabularies the wall judges by. Anything not named here is refused inside a tenant context:
 * a command MongoDB adds in a future release stays closed until someone decides how it is isolated.
 */

/**
 * Commands that read or write no collection: the connection handshake and authentication, liveness, and the
 * end of sessions and transactions (which run inside the tenant context whose transaction they finish).
 * `killSessions` ends the session of a request that died holding an idempotency lease: the session id comes from
 * that lease, a tenant-owned record read through the wall, and session ids are random UUIDs the server made.
 */
export const SESSION_COMMANDS: ReadonlySet<string> = new Set([
  'hello',
  'isMaster',
  'ismaster',
  'ping',
  'buildInfo',
  'buildinfo',
  'saslStart',
  'saslContinue',
  'authenticate',
  'getnonce',
  'logout',
  'endSessions',
  'commitTransaction',
  'abortTransaction',
  'killSessions',
]);

/** Commands that continue or close a cursor: allowed only in the scope that opened it. */
export const CURSOR_COMMANDS: ReadonlySet<string> = new Set(['getMore', 'killCursors']);

/**
 * Schema commands that read or write no document: index builds and collection creation at boot, migrations,
 * `npm run db:indexes`. Outside any context they may name a tenant-owned collection; a tenant never sends them.
 */
export const SCHEMA_COMMANDS: ReadonlySet<string> = new Set(['create', 'createIndexes', 'listIndexes']);

/** What a tenant context may send to a platform-owned collection (the owning library scopes its own data). */
export const PLATFORM_COLLECTION_COMMANDS: ReadonlySet<string> = new Set([
  'find',
  'count',
  'distinct',
  'aggregate',
  'insert',
  'update',
  'delete',
  'findAndModify',
]);

/** What a tenant context may send to shared reference data: reads only. */
export const SHARED_COLLECTION_COMMANDS: ReadonlySet<string> = new Set([
  'find',
  'count',
  'distinct',
  'aggregate',
]);
