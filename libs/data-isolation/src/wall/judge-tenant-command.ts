import type { Types } from 'mongoose';
import { TENANT_ID_FIELD } from '../data-isolation.constant';
import { IsolationRule } from '../errors/isolation-rule.enum';
import { copyQueryDocument, copyValue, isPlainObject } from '../guards/copy-query-value';
import { ID_FIELD } from '../guards/server-assigned-id';
import { guardNewDocument } from '../guards/guard-new-document';
import { guardUpdate } from '../guards/guard-update';
import type { InspectionPolicy } from '../guards/inspection-policy';
import { refuse } from '../guards/refuse';
import { checkTenantPipeline } from '../guards/rewrite-pipeline';
import { isSameTenantId, looksLikeTenantId } from '../guards/tenant-object-id';
import { findUnscopedPipelinePart, hasTenantCondition } from '../plugin/scoped-operation-checks';
import { sentStatements } from './sent-statements';
import type { WallCollectionRegistry } from './wall-collection-registry';
import { PLATFORM_COLLECTION_COMMANDS, SHARED_COLLECTION_COMMANDS } from './wall-commands.constant';

type Command = Record<string, unknown>;

/**
 * The rules for a command (other than session commands and cursors, which MongoCommandWall handles) sent
 * inside tenant `tenantId`'s context, judged on the command document the driver
 * is about to serialize. The checks are the guards the repository rewrites with (copyQueryDocument,
 * guardUpdate, guardNewDocument, the pipeline checks) plus the plugin's "is the tenant condition where it
 * must be" checks, so the wall accepts exactly what the repository produces and refuses what a later hook, a
 * raw collection or a hand-built command changed.
 */
export function judgeTenantCommand(
  name: string,
  command: Command,
  tenantId: Types.ObjectId,
  registry: WallCollectionRegistry,
): void {
  const collection = command[name];
  if (typeof collection !== 'string') refuse(IsolationRule.RefusedCommand, name);
  if (registry.isTenantOwned(collection)) {
    judgeTenantOwnedCommand(name, command, tenantId, registry);
    return;
  }
  if (registry.isTenantKeyed(collection)) {
    judgeTenantKeyedCommand(name, command, tenantId, registry);
    return;
  }
  const allowed = registry.isPlatformOwned(collection)
    ? PLATFORM_COLLECTION_COMMANDS
    : registry.isShared(collection)
      ? SHARED_COLLECTION_COMMANDS
      : undefined;
  if (allowed === undefined) refuse(IsolationRule.CollectionNotAllowed, name);
  if (!allowed.has(name)) refuse(IsolationRule.RefusedCommand, name);
  // The owning library filters its own documents; a join from here into tenant data is still this tenant's.
  if (name === 'aggregate') judgePipeline(command['pipeline'], tenantId, registry, false);
}

function judgeTenantOwnedCommand(
  name: string,
  command: Command,
  tenantId: Types.ObjectId,
  registry: WallCollectionRegistry,
): void {
  const policy: InspectionPolicy = { tenantId };
  judgeStageValue(command['let'], 'let', policy);
  switch (name) {
    case 'find':
      judgeFilter(command['filter'], 'filter', tenantId);
      judgeStageValue(command['projection'], 'projection', policy);
      return;
    case 'count':
    case 'distinct':
      judgeFilter(command['query'], 'query', tenantId);
      return;
    case 'aggregate':
      judgePipeline(command['pipeline'], tenantId, registry, true);
      return;
    case 'insert':
      eachStatement(command['documents'], 'documents', (document, path) =>
        judgeNewDocument(document, path, tenantId),
      );
      return;
    case 'update':
      eachStatement(command['updates'], 'updates', (statement, path) => {
        judgeFilter(statement['q'], `${path}.q`, tenantId);
        judgeUpdate(statement['u'], `${path}.u`, tenantId);
        judgeStageValue(statement['arrayFilters'], `${path}.arrayFilters`, policy);
      });
      return;
    case 'delete':
      eachStatement(command['deletes'], 'deletes', (statement, path) =>
        judgeFilter(statement['q'], `${path}.q`, tenantId),
      );
      return;
    case 'findAndModify':
      judgeFilter(command['query'], 'query', tenantId);
      if (command['update'] !== undefined) judgeUpdate(command['update'], 'update', tenantId);
      judgeStageValue(command['fields'], 'fields', policy);
      judgeStageValue(command['arrayFilters'], 'arrayFilters', policy);
      return;
    default:
      // DDL, explain, collStats, validate, mapReduce…: nothing a tenant's request or job sends.
      refuse(IsolationRule.RefusedCommand, name);
  }
}

/**
 * A platform-owned collection whose documents carry a `tenantId` (audit events, usage records, support
 * sessions). Its library reads and writes it across tenants in the platform scope; inside a tenant context a
 * command may touch only that tenant's documents, whichever code sent it. Reads and changes name the own tenant as a top-level
 * condition (its ObjectId or hex spelling: usage records keep it as a string) and no other tenant anywhere;
 * changes never move a document to another tenant; an insert carries the own tenant or none (a platform event
 * recorded during a tenant's request, such as an operator token refused on its host, which the tenant never
 * reads back: every read names it).
 */
function judgeTenantKeyedCommand(
  name: string,
  command: Command,
  tenantId: Types.ObjectId,
  registry: WallCollectionRegistry,
): void {
  switch (name) {
    case 'find':
      judgeFilter(command['filter'], 'filter', tenantId, isSameTenantId);
      return;
    case 'count':
    case 'distinct':
      judgeFilter(command['query'], 'query', tenantId, isSameTenantId);
      return;
    case 'aggregate': {
      const pipeline = command['pipeline'];
      const first: unknown = Array.isArray(pipeline) ? pipeline[0] : undefined;
      if (!isPlainObject(first) || Object.keys(first).length !== 1 || !Object.hasOwn(first, '$match')) {
        refuse(IsolationRule.UnscopedOperation, 'pipeline');
      }
      judgeFilter(first['$match'], 'pipeline[0].$match', tenantId, isSameTenantId);
      judgePipeline(pipeline, tenantId, registry, false);
      return;
    }
    case 'insert':
      eachStatement(command['documents'], 'documents', (document, path) => {
        const stamped = document[TENANT_ID_FIELD];
        if (stamped != null && !isSameTenantId(stamped, tenantId)) {
          refuse(
            looksLikeTenantId(stamped) ? IsolationRule.ForeignTenant : IsolationRule.UnscopedOperation,
            `${path}.${TENANT_ID_FIELD}`,
          );
        }
      });
      return;
    case 'update':
      eachStatement(command['updates'], 'updates', (statement, path) => {
        judgeFilter(statement['q'], `${path}.q`, tenantId, isSameTenantId);
        judgeUpdate(statement['u'], `${path}.u`, tenantId);
      });
      return;
    case 'delete':
      eachStatement(command['deletes'], 'deletes', (statement, path) =>
        judgeFilter(statement['q'], `${path}.q`, tenantId, isSameTenantId),
      );
      return;
    case 'findAndModify':
      judgeFilter(command['query'], 'query', tenantId, isSameTenantId);
      if (command['update'] !== undefined) judgeUpdate(command['update'], 'update', tenantId);
      return;
    default:
      refuse(IsolationRule.RefusedCommand, name);
  }
}

/** Judged as the guards judge a caller's filter, and the tenant's condition must be a top-level conjunct. */
function judgeFilter(
  filter: unknown,
  path: string,
  tenantId: Types.ObjectId,
  isOwn?: (value: unknown, tenantId: Types.ObjectId) => boolean,
): void {
  copyQueryDocument(filter, path, { tenantId });
  if (!hasTenantCondition(filter, tenantId, isOwn)) refuse(IsolationRule.UnscopedOperation, path);
}

function judgeStageValue(value: unknown, path: string, policy: InspectionPolicy): void {
  if (value !== undefined) copyValue(value, path, policy, 'stage');
}

function judgePipeline(
  pipeline: unknown,
  tenantId: Types.ObjectId,
  registry: WallCollectionRegistry,
  requireTenantMatchFirst: boolean,
): void {
  checkTenantPipeline(pipeline, tenantId, registry);
  const unscoped = findUnscopedPipelinePart(
    pipeline,
    tenantId,
    (collection) => registry.isTenantOwned(collection),
    requireTenantMatchFirst,
  );
  if (unscoped !== undefined) refuse(IsolationRule.UnscopedOperation, 'pipeline');
}

/** An inserted document carries exactly the context's tenant; the rest is judged like any new document. */
function judgeNewDocument(document: unknown, path: string, tenantId: Types.ObjectId): void {
  if (!isPlainObject(document)) refuse(IsolationRule.MalformedOperation, path);
  const stamped = document[TENANT_ID_FIELD];
  if (!isSameTenantId(stamped, tenantId)) {
    refuse(
      looksLikeTenantId(stamped) ? IsolationRule.ForeignTenant : IsolationRule.UnscopedOperation,
      `${path}.${TENANT_ID_FIELD}`,
    );
  }
  // Every insert on the wire carries an `_id` (Mongoose or the driver made it): whether a caller chose it is
  // decided above, by the repository and the plugin, which still see the caller's document.
  const { [ID_FIELD]: _assignedId, ...withoutId } = document;
  guardNewDocument(withoutId, tenantId, path);
}

/**
 * An update as sent: an operator document may stamp the context's own tenant in `$setOnInsert` (how upserts
 * are stamped) and write `tenantId` nowhere else; a pipeline must set the own tenant in a final `$set` (only
 * further `$set`s, such as Mongoose's `updatedAt`, may follow); a replacement must carry the own tenant.
 */
function judgeUpdate(update: unknown, path: string, tenantId: Types.ObjectId): void {
  if (Array.isArray(update)) {
    judgePipelineUpdate(update, path, tenantId);
    return;
  }
  if (!isPlainObject(update)) refuse(IsolationRule.MalformedOperation, path);
  const keys = Object.keys(update);
  if (keys.length > 0 && keys.every((key) => !key.startsWith('$'))) {
    judgeNewDocument(update, path, tenantId);
    return;
  }
  guardUpdate(withoutOwnTenantStamp(update, tenantId), tenantId);
}

function withoutOwnTenantStamp(
  update: Record<string, unknown>,
  tenantId: Types.ObjectId,
): Record<string, unknown> {
  const onInsert = update['$setOnInsert'];
  if (!isPlainObject(onInsert) || !Object.hasOwn(onInsert, TENANT_ID_FIELD)) return update;
  if (!isSameTenantId(onInsert[TENANT_ID_FIELD], tenantId)) return update;
  const { [TENANT_ID_FIELD]: _ownStamp, ...rest } = onInsert;
  return { ...update, $setOnInsert: rest };
}

function judgePipelineUpdate(stages: unknown[], path: string, tenantId: Types.ObjectId): void {
  const stamp = stages.findLastIndex((stage) => {
    const set = setStageFields(stage);
    return set !== undefined && isSameTenantId(set[TENANT_ID_FIELD], tenantId);
  });
  if (stamp === -1) refuse(IsolationRule.UnscopedOperation, path);
  const stampFields = setStageFields(stages[stamp]) ?? {};
  const { [TENANT_ID_FIELD]: _ownStamp, ...stampRest } = stampFields;
  const after = stages.slice(stamp + 1);
  if (after.some((stage) => setStageFields(stage) === undefined))
    refuse(IsolationRule.TenantFieldWrite, path);
  // guardUpdate refuses any stage that writes or removes tenantId, so the stamp above is the last word.
  guardUpdate([...stages.slice(0, stamp), { $set: stampRest }, ...after], tenantId);
}

function setStageFields(stage: unknown): Record<string, unknown> | undefined {
  if (!isPlainObject(stage)) return undefined;
  const names = Object.keys(stage);
  const [name] = names;
  if (names.length !== 1 || (name !== '$set' && name !== '$addFields')) return undefined;
  const fields = stage[name];
  return isPlainObject(fields) ? fields : undefined;
}

function eachStatement(
  sent: unknown,
  path: string,
  judge: (statement: Record<string, unknown>, path: string) => void,
): void {
  const statements = sentStatements(sent);
  if (!Array.isArray(statements) || statements.length === 0) refuse(IsolationRule.MalformedOperation, path);
  statements.forEach((statement: unknown, index) => {
    const statementPath = `${path}[${index}]`;
    if (!isPlainObject(statement)) refuse(IsolationRule.MalformedOperation, statementPath);
    judge(statement, statementPath);
  });
}
