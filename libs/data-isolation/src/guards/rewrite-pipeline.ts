import type { Types } from 'mongoose';
import { IsolationRule } from '../errors/isolation-rule.enum';
import type { CollectionRegistry } from './collection-registry';
import { checkKey, copyQueryDocument, copyValue, isPlainObject } from './copy-query-value';
import type { InspectionPolicy } from './inspection-policy';
import { ALLOWED_PIPELINE_STAGES, ISOLATION_ESCAPING_STAGES } from './query-operators.constant';
import { refuse } from './refuse';
import { type DeletedDocuments, tenantCondition } from './tenant-condition';

export interface RewritePipelineOptions {
  /** Soft-deleted documents of the aggregated collection; joined collections always exclude them. */
  readonly deleted?: DeletedDocuments;
}

type Stage = Record<string, unknown>;

const LOOKUP_FIELDS = new Set(['from', 'localField', 'foreignField', 'let', 'pipeline', 'as']);
const UNION_WITH_FIELDS = new Set(['coll', 'pipeline']);
const GRAPH_LOOKUP_FIELDS = new Set([
  'from',
  'startWith',
  'connectFromField',
  'connectToField',
  'as',
  'maxDepth',
  'depthField',
  'restrictSearchWithMatch',
]);

/**
 * Scopes an aggregation to the tenant: a tenant `$match` first, then the caller's stages, each checked and
 * copied. Every way a pipeline reads another collection is scoped too, recursively: `$lookup` (the
 * `localField/foreignField` form gets a `pipeline` so its matches are filtered; MongoDB ≥ 5.0 runs the two
 * together with the equality semantics of the simple form), `$unionWith` (the string form becomes the object
 * form), `$graphLookup` (`restrictSearchWithMatch`), and every `$facet` branch. Stages that escape the
 * scoped stream are refused, and joins reach only tenant-owned collections or the shared allow-list.
 */
export function rewritePipeline(
  pipeline: unknown,
  tenantId: Types.ObjectId,
  registry: CollectionRegistry,
  options: RewritePipelineOptions = {},
): Stage[] {
  if (!Array.isArray(pipeline)) refuse(IsolationRule.MalformedOperation, 'pipeline');
  return [
    { $match: tenantCondition(tenantId, options.deleted ?? 'exclude') },
    ...rewriteStages(pipeline, 'pipeline', new PipelineScope(tenantId, registry)),
  ];
}

/**
 * The same checks without the tenant: for the platform scope, where pipelines may span tenants but still
 * may not run JavaScript, write collections or read server state.
 */
export function checkPlatformPipeline(pipeline: unknown, registry: CollectionRegistry): Stage[] {
  if (!Array.isArray(pipeline)) refuse(IsolationRule.MalformedOperation, 'pipeline');
  return rewriteStages(pipeline, 'pipeline', new PipelineScope(null, registry));
}

/**
 * The same checks on a pipeline that is already meant to be scoped (the command wall judging what is about to
 * be sent): every stage allowed, no JavaScript, no other tenant named, joins only into tenant-owned or shared
 * collections. Whether the tenant `$match` and the join prefixes are really there is the caller's question.
 */
export function checkTenantPipeline(
  pipeline: unknown,
  tenantId: Types.ObjectId,
  registry: CollectionRegistry,
): void {
  if (!Array.isArray(pipeline)) refuse(IsolationRule.MalformedOperation, 'pipeline');
  rewriteStages(pipeline, 'pipeline', new PipelineScope(tenantId, registry));
}

class PipelineScope {
  readonly policy: InspectionPolicy;

  constructor(
    readonly tenantId: Types.ObjectId | null,
    private readonly registry: CollectionRegistry,
  ) {
    this.policy = { tenantId };
  }

  /** The stages a join into `collection` must start with, or a refusal. */
  joinPrefix(collection: unknown, path: string): Stage[] {
    if (typeof collection !== 'string') refuse(IsolationRule.CollectionNotAllowed, path);
    if (this.registry.isTenantOwned(collection)) {
      return this.tenantId === null ? [] : [{ $match: tenantCondition(this.tenantId) }];
    }
    if (this.registry.isShared(collection)) return [];
    refuse(IsolationRule.CollectionNotAllowed, path);
  }

  joinRestriction(collection: string): Record<string, unknown> | undefined {
    return this.tenantId !== null && this.registry.isTenantOwned(collection)
      ? tenantCondition(this.tenantId)
      : undefined;
  }
}

function rewriteStages(stages: unknown[], path: string, scope: PipelineScope, depth = 0): Stage[] {
  if (depth > 16) refuse(IsolationRule.MalformedOperation, path);
  return stages.map((stage, index) => rewriteStage(stage, `${path}[${index}]`, scope, depth));
}

function rewriteStage(stage: unknown, path: string, scope: PipelineScope, depth: number): Stage {
  if (!isPlainObject(stage)) refuse(IsolationRule.MalformedOperation, path);
  const names = Object.keys(stage);
  const [name] = names;
  if (names.length !== 1 || name === undefined) refuse(IsolationRule.MalformedOperation, path);
  const stagePath = `${path}.${name}`;
  checkKey(name, stagePath);
  if (ISOLATION_ESCAPING_STAGES.has(name) || !ALLOWED_PIPELINE_STAGES.has(name)) {
    refuse(IsolationRule.RefusedStage, stagePath);
  }
  const spec = stage[name];
  switch (name) {
    case '$match':
      return { $match: copyQueryDocument(spec, stagePath, scope.policy) };
    case '$lookup':
      return { $lookup: rewriteLookup(spec, stagePath, scope, depth) };
    case '$unionWith':
      return { $unionWith: rewriteUnionWith(spec, stagePath, scope, depth) };
    case '$graphLookup':
      return { $graphLookup: rewriteGraphLookup(spec, stagePath, scope) };
    case '$facet':
      return { $facet: rewriteFacet(spec, stagePath, scope, depth) };
    default:
      return { [name]: copyValue(spec, stagePath, scope.policy, 'stage') };
  }
}

function specFields(spec: unknown, allowed: ReadonlySet<string>, path: string): Record<string, unknown> {
  if (!isPlainObject(spec)) refuse(IsolationRule.MalformedOperation, path);
  for (const field of Object.keys(spec)) {
    checkKey(field, `${path}.${field}`);
    if (!allowed.has(field)) refuse(IsolationRule.UnsupportedOption, `${path}.${field}`);
  }
  return spec;
}

function nestedPipeline(value: unknown, path: string, scope: PipelineScope, depth: number): Stage[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) refuse(IsolationRule.MalformedOperation, path);
  return rewriteStages(value, path, scope, depth + 1);
}

function rewriteLookup(
  spec: unknown,
  path: string,
  scope: PipelineScope,
  depth: number,
): Record<string, unknown> {
  const lookup = specFields(spec, LOOKUP_FIELDS, path);
  const from = lookup['from'];
  const prefix = scope.joinPrefix(from, `${path}.from`);
  const inner = nestedPipeline(lookup['pipeline'], `${path}.pipeline`, scope, depth);
  const rewritten: Record<string, unknown> = {
    from,
    as: copyValue(lookup['as'], `${path}.as`, scope.policy, 'stage'),
  };
  if (lookup['localField'] !== undefined || lookup['foreignField'] !== undefined) {
    rewritten['localField'] = copyValue(lookup['localField'], `${path}.localField`, scope.policy, 'stage');
    rewritten['foreignField'] = copyValue(
      lookup['foreignField'],
      `${path}.foreignField`,
      scope.policy,
      'stage',
    );
  }
  if (lookup['let'] !== undefined)
    rewritten['let'] = copyValue(lookup['let'], `${path}.let`, scope.policy, 'stage');
  const pipeline = [...prefix, ...inner];
  // A shared collection joined by the simple form needs no pipeline; everything else carries one.
  if (pipeline.length > 0 || lookup['pipeline'] !== undefined) rewritten['pipeline'] = pipeline;
  return rewritten;
}

function rewriteUnionWith(
  spec: unknown,
  path: string,
  scope: PipelineScope,
  depth: number,
): Record<string, unknown> {
  const union = typeof spec === 'string' ? { coll: spec } : specFields(spec, UNION_WITH_FIELDS, path);
  const coll = union['coll'];
  const prefix = scope.joinPrefix(coll, `${path}.coll`);
  return {
    coll,
    pipeline: [...prefix, ...nestedPipeline(union['pipeline'], `${path}.pipeline`, scope, depth)],
  };
}

function rewriteGraphLookup(spec: unknown, path: string, scope: PipelineScope): Record<string, unknown> {
  const graph = specFields(spec, GRAPH_LOOKUP_FIELDS, path);
  const from = graph['from'];
  scope.joinPrefix(from, `${path}.from`);
  const rewritten: Record<string, unknown> = {};
  for (const field of Object.keys(graph)) {
    if (field === 'restrictSearchWithMatch') continue;
    rewritten[field] = copyValue(graph[field], `${path}.${field}`, scope.policy, 'stage');
  }
  const callerRestriction =
    graph['restrictSearchWithMatch'] === undefined
      ? undefined
      : copyQueryDocument(graph['restrictSearchWithMatch'], `${path}.restrictSearchWithMatch`, scope.policy);
  const tenantRestriction = scope.joinRestriction(from as string);
  if (tenantRestriction !== undefined) {
    rewritten['restrictSearchWithMatch'] = { $and: [callerRestriction ?? {}, tenantRestriction] };
  } else if (callerRestriction !== undefined) {
    rewritten['restrictSearchWithMatch'] = callerRestriction;
  }
  return rewritten;
}

function rewriteFacet(
  spec: unknown,
  path: string,
  scope: PipelineScope,
  depth: number,
): Record<string, unknown> {
  if (!isPlainObject(spec)) refuse(IsolationRule.MalformedOperation, path);
  const facets: Record<string, unknown> = {};
  for (const name of Object.keys(spec)) {
    checkKey(name, `${path}.${name}`);
    const branch = spec[name];
    if (!Array.isArray(branch)) refuse(IsolationRule.MalformedOperation, `${path}.${name}`);
    // Branches read the stream that reaches $facet, which is already scoped; their joins are scoped inside.
    facets[name] = rewriteStages(branch, `${path}.${name}`, scope, depth + 1);
  }
  return facets;
}
