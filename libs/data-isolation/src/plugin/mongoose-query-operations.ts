/**
 * Mongoose's own list of query operations, the one its middleware dispatch is built from. Hooking this list
 * (rather than a hand-written copy) means an operation added in a Mongoose upgrade is guarded without anyone
 * remembering to add it; the plugin's tests fail if the list ever disappears or shrinks.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- internal module without typings
const mongooseConstants = require('mongoose/lib/constants') as { queryOperations?: readonly string[] };

if (!Array.isArray(mongooseConstants.queryOperations) || mongooseConstants.queryOperations.length === 0) {
  throw new Error(
    'mongoose/lib/constants no longer exports queryOperations: review the tenant isolation plugin',
  );
}

export const MONGOOSE_QUERY_OPERATIONS: readonly string[] = Object.freeze([
  ...mongooseConstants.queryOperations,
]);
