/**
 * The operator and stage vocabularies the guards judge by. Stages are allow-listed rather than deny-listed:
 * a stage MongoDB adds in a future release is refused until someone decides how it is isolated.
 */

/** Server-side JavaScript: can't be analysed, so never accepted from anyone. */
export const SERVER_SIDE_JAVASCRIPT_OPERATORS: ReadonlySet<string> = new Set([
  '$where',
  '$function',
  '$accumulator',
]);

/** Keys that would reach an object's prototype when copied or merged. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export const LOGICAL_QUERY_OPERATORS: ReadonlySet<string> = new Set(['$and', '$or', '$nor']);

export const UPDATE_OPERATORS: ReadonlySet<string> = new Set([
  '$set',
  '$unset',
  '$rename',
  '$setOnInsert',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$currentDate',
  '$push',
  '$addToSet',
  '$pull',
  '$pullAll',
  '$pop',
  '$bit',
]);

/** The stages MongoDB accepts in a pipeline-style update. */
export const UPDATE_PIPELINE_STAGES: ReadonlySet<string> = new Set([
  '$addFields',
  '$set',
  '$project',
  '$unset',
  '$replaceRoot',
  '$replaceWith',
]);

/**
 * Stages that read or write outside the scoped input stream (other collections, server state, inline
 * documents) or must come first and so would displace the tenant `$match`. Named so refusals say why.
 */
export const ISOLATION_ESCAPING_STAGES: ReadonlySet<string> = new Set([
  '$out',
  '$merge',
  '$collStats',
  '$indexStats',
  '$planCacheStats',
  '$currentOp',
  '$listSessions',
  '$listLocalSessions',
  '$listSearchIndexes',
  '$listSampledQueries',
  '$listClusterCatalog',
  '$queryStats',
  '$shardedDataDistribution',
  '$documents',
  '$changeStream',
  '$changeStreamSplitLargeEvent',
  '$geoNear',
  '$search',
  '$searchMeta',
  '$vectorSearch',
  '$rankFusion',
  '$scoreFusion',
]);

/** Stages that only transform the (already scoped) stream, plus the joins the rewriter scopes itself. */
export const ALLOWED_PIPELINE_STAGES: ReadonlySet<string> = new Set([
  '$match',
  '$project',
  '$addFields',
  '$set',
  '$unset',
  '$group',
  '$sort',
  '$limit',
  '$skip',
  '$count',
  '$unwind',
  '$replaceRoot',
  '$replaceWith',
  '$sortByCount',
  '$bucket',
  '$bucketAuto',
  '$sample',
  '$redact',
  '$setWindowFields',
  '$densify',
  '$fill',
  '$lookup',
  '$unionWith',
  '$graphLookup',
  '$facet',
]);
