import { Types } from 'mongoose';
import { isPlainObject } from '../guards/copy-query-value';
import { ISOLATION_ESCAPING_STAGES, UPDATE_OPERATORS } from '../guards/query-operators.constant';
import { isTenantPath } from '../guards/tenant-object-id';

/**
 * What the second line of defence looks for in an operation that reached Mongoose: the tenant condition
 * exactly where the repository puts it. These checks only read; they never repair an operation. Each
 * returns a description of the first problem, or undefined when the operation is scoped.
 */

function isTenant(value: unknown, tenantId: Types.ObjectId): boolean {
  return value instanceof Types.ObjectId && value.equals(tenantId);
}

/**
 * `{ tenantId: <ObjectId> , … }` or `{ $and: [ …, { tenantId: <ObjectId>, … }, … ] }` at the top level; `isOwn`
 * says which spellings of the tenant count (tenant-owned models: its ObjectId only).
 */
export function hasTenantCondition(
  filter: unknown,
  tenantId: Types.ObjectId,
  isOwn: (value: unknown, tenantId: Types.ObjectId) => boolean = isTenant,
): boolean {
  if (!isPlainObject(filter)) return false;
  if (Object.hasOwn(filter, 'tenantId') && isOwn(filter['tenantId'], tenantId)) return true;
  const conditions = Object.hasOwn(filter, '$and') ? filter['$and'] : undefined;
  return (
    Array.isArray(conditions) &&
    conditions.some(
      (condition) =>
        isPlainObject(condition) &&
        Object.hasOwn(condition, 'tenantId') &&
        isOwn(condition['tenantId'], tenantId),
    )
  );
}

function stageOf(stage: unknown): [string, unknown] | undefined {
  if (!isPlainObject(stage)) return undefined;
  const names = Object.keys(stage);
  const [name] = names;
  return names.length === 1 && name !== undefined ? [name, stage[name]] : undefined;
}

function firstStageMatchesTenant(pipeline: unknown, tenantId: Types.ObjectId): boolean {
  if (!Array.isArray(pipeline)) return false;
  const first = stageOf(pipeline[0]);
  return first !== undefined && first[0] === '$match' && hasTenantCondition(first[1], tenantId);
}

/** Checks a pipeline: tenant `$match` first (when `requireFirstMatch`), and every join into tenant data scoped. */
export function findUnscopedPipelinePart(
  pipeline: unknown,
  tenantId: Types.ObjectId,
  isTenantOwned: (collection: string) => boolean,
  requireFirstMatch = true,
  path = 'pipeline',
): string | undefined {
  if (!Array.isArray(pipeline)) return `${path} is not an array`;
  if (requireFirstMatch && !firstStageMatchesTenant(pipeline, tenantId))
    return `${path} does not start with the tenant $match`;
  for (const [index, rawStage] of pipeline.entries()) {
    const stage = stageOf(rawStage);
    const stagePath = `${path}[${index}]`;
    if (stage === undefined) return `${stagePath} is not a single-stage object`;
    const [name, spec] = stage;
    if (ISOLATION_ESCAPING_STAGES.has(name)) return `${stagePath} uses ${name}`;
    const problem = findUnscopedJoin(name, spec, tenantId, isTenantOwned, `${stagePath}.${name}`);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function findUnscopedJoin(
  name: string,
  spec: unknown,
  tenantId: Types.ObjectId,
  isTenantOwned: (collection: string) => boolean,
  path: string,
): string | undefined {
  if (name === '$facet') {
    if (!isPlainObject(spec)) return `${path} is malformed`;
    for (const branch of Object.keys(spec)) {
      const problem = findUnscopedPipelinePart(
        spec[branch],
        tenantId,
        isTenantOwned,
        false,
        `${path}.${branch}`,
      );
      if (problem !== undefined) return problem;
    }
    return undefined;
  }
  if (name === '$unionWith') {
    const union = typeof spec === 'string' ? { coll: spec } : spec;
    if (!isPlainObject(union) || typeof union['coll'] !== 'string') return `${path} has no collection`;
    return findUnscopedPipelinePart(
      union['pipeline'] ?? [],
      tenantId,
      isTenantOwned,
      isTenantOwned(union['coll']),
      `${path}.pipeline`,
    );
  }
  if (name === '$lookup') {
    if (!isPlainObject(spec) || typeof spec['from'] !== 'string') return `${path} has no collection`;
    const scoped = isTenantOwned(spec['from']);
    if (spec['pipeline'] === undefined)
      return scoped ? `${path} joins tenant data without a pipeline` : undefined;
    return findUnscopedPipelinePart(spec['pipeline'], tenantId, isTenantOwned, scoped, `${path}.pipeline`);
  }
  if (name === '$graphLookup') {
    if (!isPlainObject(spec) || typeof spec['from'] !== 'string') return `${path} has no collection`;
    if (isTenantOwned(spec['from']) && !hasTenantCondition(spec['restrictSearchWithMatch'], tenantId)) {
      return `${path}.restrictSearchWithMatch lacks the tenant condition`;
    }
  }
  return undefined;
}

/**
 * Whether an update (operator document, pipeline or replacement) could give a document another tenant or
 * take its tenant away. `$setOnInsert` of the context's own tenant is how upserts are stamped.
 */
export function findTenantWrite(
  update: unknown,
  tenantId: Types.ObjectId,
  isReplacement: boolean,
): string | undefined {
  if (update === undefined || update === null) return undefined;
  if (isReplacement) {
    return isPlainObject(update) && isTenant(update['tenantId'], tenantId)
      ? undefined
      : 'replacement lacks the tenant';
  }
  if (Array.isArray(update)) return findTenantWriteInPipeline(update, tenantId);
  if (!isPlainObject(update)) return 'update is malformed';
  for (const key of Object.keys(update)) {
    const value = update[key];
    if (!key.startsWith('$')) {
      if (isTenantPath(key)) return `update writes ${key}`;
      continue;
    }
    if (!UPDATE_OPERATORS.has(key)) return `update uses unknown operator ${key}`;
    if (!isPlainObject(value)) continue;
    for (const field of Object.keys(value)) {
      const ownStamp = key === '$setOnInsert' && field === 'tenantId' && isTenant(value[field], tenantId);
      if (isTenantPath(field) && !ownStamp) return `update ${key} writes ${field}`;
      if (key === '$rename' && typeof value[field] === 'string' && isTenantPath(value[field])) {
        return `update $rename writes tenantId`;
      }
    }
  }
  return undefined;
}

function findTenantWriteInPipeline(stages: unknown[], tenantId: Types.ObjectId): string | undefined {
  const stamp = stages.findLastIndex((stage) => {
    const parsed = stageOf(stage);
    return (
      parsed !== undefined &&
      (parsed[0] === '$set' || parsed[0] === '$addFields') &&
      isPlainObject(parsed[1]) &&
      isTenant(parsed[1]['tenantId'], tenantId)
    );
  });
  if (stamp === -1) return 'pipeline update does not end by setting the tenant';
  for (const stage of stages.slice(stamp + 1)) {
    const parsed = stageOf(stage);
    const onlySets =
      parsed !== undefined &&
      (parsed[0] === '$set' || parsed[0] === '$addFields') &&
      isPlainObject(parsed[1]);
    if (!onlySets || Object.keys(parsed[1] as object).some(isTenantPath))
      return 'pipeline update changes the tenant after stamping it';
  }
  return undefined;
}
