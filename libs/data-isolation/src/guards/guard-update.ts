import type { Types } from 'mongoose';
import { TENANT_ID_FIELD } from '../data-isolation.constant';
import { IsolationRule } from '../errors/isolation-rule.enum';
import { checkKey, copyValue, isPlainObject } from './copy-query-value';
import type { InspectionPolicy } from './inspection-policy';
import { UPDATE_OPERATORS, UPDATE_PIPELINE_STAGES } from './query-operators.constant';
import { refuse } from './refuse';
import { findIdWrite } from './server-assigned-id';
import { isTenantPath } from './tenant-object-id';

export type OperatorUpdate = Record<string, Record<string, unknown>>;
export type PipelineUpdate = Record<string, unknown>[];
export type GuardedUpdate = OperatorUpdate | PipelineUpdate;

export interface GuardUpdateOptions {
  /** An upsert also gets `$setOnInsert: { tenantId }`, so the inserted document is the tenant's whatever the filter. */
  readonly upsert?: boolean;
}

/**
 * Checks and copies an update. `tenantId` can't be written through any operator (including `$rename` in
 * either direction, dotted `tenantId.x`, `$setOnInsert`), unknown operators are refused, and top-level
 * non-operator keys are read as the `$set` they mean to Mongoose. Pipeline updates are checked stage by
 * stage and end with a `$set` of the tenant, so no `$replaceWith` or `$unset` earlier on can drop it. No
 * update may write `_id` (nor, on an upsert, replace the whole document): see server-assigned-id.ts.
 */
export function guardUpdate(
  update: unknown,
  tenantId: Types.ObjectId,
  options: GuardUpdateOptions = {},
): GuardedUpdate {
  const policy: InspectionPolicy = { tenantId };
  const idWrite = findIdWrite(update, false, options.upsert === true);
  if (idWrite !== undefined) refuse(IsolationRule.ServerAssignedId, 'update');
  if (Array.isArray(update)) return guardPipelineUpdate(update, tenantId, policy);
  if (!isPlainObject(update)) refuse(IsolationRule.MalformedOperation, 'update');

  const guarded: OperatorUpdate = {};
  for (const key of Object.keys(update)) {
    const keyPath = `update.${key}`;
    checkKey(key, keyPath);
    if (!key.startsWith('$')) {
      guarded['$set'] ??= {};
      guarded['$set'][key] = guardUpdatedPath(key, update[key], keyPath, policy);
      continue;
    }
    if (!UPDATE_OPERATORS.has(key)) refuse(IsolationRule.MalformedOperation, keyPath);
    const fields = update[key];
    if (!isPlainObject(fields)) refuse(IsolationRule.MalformedOperation, keyPath);
    const target = (guarded[key] ??= {});
    for (const field of Object.keys(fields)) {
      const fieldPath = `${keyPath}.${field}`;
      const value = fields[field];
      if (key === '$rename') {
        if (typeof value !== 'string') refuse(IsolationRule.MalformedOperation, fieldPath);
        if (isTenantPath(value)) refuse(IsolationRule.TenantFieldWrite, fieldPath);
      }
      target[field] = guardUpdatedPath(field, value, fieldPath, policy);
    }
  }
  if (options.upsert === true) {
    guarded['$setOnInsert'] = { ...(guarded['$setOnInsert'] ?? {}), [TENANT_ID_FIELD]: tenantId };
  }
  return guarded;
}

function guardUpdatedPath(field: string, value: unknown, path: string, policy: InspectionPolicy): unknown {
  checkKey(field, path);
  if (isTenantPath(field)) refuse(IsolationRule.TenantFieldWrite, path);
  return copyValue(value, path, policy);
}

function guardPipelineUpdate(
  stages: unknown[],
  tenantId: Types.ObjectId,
  policy: InspectionPolicy,
): PipelineUpdate {
  const guarded = stages.map((stage, index) => {
    const path = `update[${index}]`;
    if (!isPlainObject(stage)) refuse(IsolationRule.MalformedOperation, path);
    const names = Object.keys(stage);
    const [name] = names;
    if (names.length !== 1 || name === undefined) refuse(IsolationRule.MalformedOperation, path);
    checkKey(name, `${path}.${name}`);
    if (!UPDATE_PIPELINE_STAGES.has(name)) refuse(IsolationRule.RefusedStage, `${path}.${name}`);
    const spec = stage[name];
    refuseTenantTargets(name, spec, `${path}.${name}`);
    return { [name]: copyValue(spec, `${path}.${name}`, policy, 'stage') };
  });
  guarded.push({ $set: { [TENANT_ID_FIELD]: tenantId } });
  return guarded;
}

/** Output fields a pipeline-update stage would write or remove. */
function refuseTenantTargets(stage: string, spec: unknown, path: string): void {
  if (stage === '$unset') {
    const fields = Array.isArray(spec) ? spec : [spec];
    if (fields.some((field) => typeof field === 'string' && isTenantPath(field))) {
      refuse(IsolationRule.TenantFieldWrite, path);
    }
    return;
  }
  if ((stage === '$set' || stage === '$addFields' || stage === '$project') && isPlainObject(spec)) {
    for (const field of Object.keys(spec)) {
      if (isTenantPath(field)) refuse(IsolationRule.TenantFieldWrite, `${path}.${field}`);
    }
  }
}
