import { TenantContextService } from '@tenantpay/tenancy';
import { type Aggregate, type Document, type Model, type Query, type Schema, Types } from 'mongoose';
import { isPlainObject } from '../guards/copy-query-value';
import { findIdWrite, ID_FIELD, isServerIssuedId, mentionsId } from '../guards/server-assigned-id';
import { toTenantObjectId } from '../guards/tenant-object-id';
import { CrossTenantAccessException } from '../errors/cross-tenant-access.exception';
import { IsolationRule } from '../errors/isolation-rule.enum';
import { UnscopedTenantOperationException } from '../errors/unscoped-tenant-operation.exception';
import { reportIsolationGuardViolation } from './isolation-guard-violation.reporter';
import { MONGOOSE_QUERY_OPERATIONS } from './mongoose-query-operations';
import { findTenantWrite, findUnscopedPipelinePart, hasTenantCondition } from './scoped-operation-checks';
import { tenantOwnedCollections } from './tenant-collections';

/**
 * The second line of defence, below the repository: every operation on a tenant-owned model is checked when
 * it executes. Inside a tenant context the filter or pipeline must carry that tenant's condition where the
 * repository puts it; outside any context only the explicit platform scope may touch tenant data;
 * `estimatedDocumentCount` (collection metadata: counts every tenant) and `watch` (every tenant's changes)
 * are refused always. So a direct `Model.find()` in a service fails at run time, not only in review.
 *
 * Queries on tenant-owned models also run with Mongoose's `sanitizeFilter`.
 *
 * In a tenant context no write may choose `_id` (see server-assigned-id.ts): that refusal is a 403
 * `cross_tenant_access` like the repository's, since it is what a probe for another tenant's id looks like.
 *
 * The hooks are marked as Mongoose built-in middleware, which `{ middleware: false }` does not skip.
 */

const BUILT_IN_MIDDLEWARE = Symbol.for('mongoose:built-in-middleware');
const REPLACING_OPERATIONS = new Set(['replaceOne', 'findOneAndReplace']);
const ALWAYS_REFUSED = new Set(['estimatedDocumentCount']);

const context = new TenantContextService();

type Scope =
  { kind: 'tenant'; tenantId: ReturnType<typeof toTenantObjectId> } | { kind: 'platform' } | { kind: 'none' };

function currentScope(): Scope {
  const current = context.current();
  if (current?.tenant != null) return { kind: 'tenant', tenantId: toTenantObjectId(current.tenant.id) };
  if (context.platformScope() !== undefined) return { kind: 'platform' };
  return { kind: 'none' };
}

function report(modelName: string, operation: string, reason: string, scope: Scope): void {
  reportIsolationGuardViolation({
    modelName,
    operation,
    reason,
    tenantId: scope.kind === 'tenant' ? scope.tenantId.toHexString() : null,
  });
}

function refuse(modelName: string, operation: string, reason: string, scope: Scope): never {
  report(modelName, operation, reason, scope);
  throw new UnscopedTenantOperationException(modelName, operation, reason);
}

function refuseChosenId(modelName: string, operation: string, reason: string, scope: Scope): never {
  report(modelName, operation, reason, scope);
  throw new CrossTenantAccessException(IsolationRule.ServerAssignedId, `${operation}: ${reason}`);
}

/** Whether a document about to be inserted carries an `_id` the server did not make. */
function hasChosenId(document: unknown): boolean {
  const $isDefault = (document as { $isDefault?: unknown } | null)?.$isDefault;
  if (typeof $isDefault === 'function') {
    return (
      !($isDefault as (path: string) => boolean).call(document, ID_FIELD) &&
      !isServerIssuedId((document as { _id?: unknown })._id)
    );
  }
  return (
    isPlainObject(document) && Object.hasOwn(document, ID_FIELD) && !isServerIssuedId(document[ID_FIELD])
  );
}

/** The tenant scope an operation runs in, or a refusal when it runs in none. */
function requireScope(modelName: string, operation: string): Scope {
  const scope = currentScope();
  if (scope.kind === 'none') {
    refuse(modelName, operation, 'runs outside any tenant context and outside the platform scope', scope);
  }
  return scope;
}

function builtIn<F extends (...args: never[]) => unknown>(hook: F): F {
  Object.defineProperty(hook, BUILT_IN_MIDDLEWARE, { value: true });
  return hook;
}

const guardQuery = builtIn(function guardQuery(this: Query<unknown, unknown>): void {
  // Every query on tenant data sanitizes its filter: a nested `$`-object that did not come from code marked
  // `trusted()` is compared literally, so an operator smuggled through request input is inert even where a
  // DTO let it through. Platform collections' fixed-shape queries are not affected.
  this.setOptions({ sanitizeFilter: true });
  const modelName = this.model.modelName;
  const operation = (this as unknown as { op?: string }).op ?? 'query';
  if (ALWAYS_REFUSED.has(operation)) refuse(modelName, operation, 'counts every tenant', currentScope());
  const scope = requireScope(modelName, operation);
  if (scope.kind !== 'tenant') return;
  if (!hasTenantCondition(this.getFilter(), scope.tenantId)) {
    refuse(modelName, operation, 'filter lacks the tenant condition', scope);
  }
  const replacing = REPLACING_OPERATIONS.has(operation);
  const problem = findTenantWrite(this.getUpdate(), scope.tenantId, replacing);
  if (problem !== undefined) refuse(modelName, operation, problem, scope);
  const upsert = this.getOptions().upsert === true;
  const idWrite =
    findIdWrite(this.getUpdate(), replacing, upsert) ??
    (upsert && mentionsId(this.getFilter()) ? 'upsert filter names _id' : undefined);
  if (idWrite !== undefined) refuseChosenId(modelName, operation, idWrite, scope);
});

const guardAggregate = builtIn(function guardAggregate(this: Aggregate<unknown>): void {
  const model = this.model();
  const scope = requireScope(model.modelName, 'aggregate');
  if (scope.kind !== 'tenant') return;
  const tenantOwned = tenantOwnedCollections(model.db);
  const problem = findUnscopedPipelinePart(this.pipeline(), scope.tenantId, (name) => tenantOwned.has(name));
  if (problem !== undefined) refuse(model.modelName, 'aggregate', problem, scope);
});

const guardSave = builtIn(function guardSave(this: Document): void {
  const modelName = (this.constructor as Model<unknown>).modelName;
  const scope = requireScope(modelName, 'save');
  if (scope.kind !== 'tenant') return;
  // Saving a loaded document updates by `_id` alone; the repository never does it, so nothing may.
  if (!this.isNew) refuse(modelName, 'save', 'updates a loaded document by _id alone', scope);
  const tenantId: unknown = this.get('tenantId');
  if (!(tenantId instanceof Types.ObjectId) || !tenantId.equals(scope.tenantId)) {
    refuse(modelName, 'save', 'document lacks the tenant', scope);
  }
  if (hasChosenId(this)) refuseChosenId(modelName, 'save', 'document chooses _id', scope);
});

const guardInsertMany = builtIn(function guardInsertMany(this: Model<unknown>, documents: unknown): void {
  const scope = requireScope(this.modelName, 'insertMany');
  if (scope.kind !== 'tenant') return;
  for (const document of Array.isArray(documents) ? documents : [documents]) {
    if (findTenantWrite(plainDocument(document), scope.tenantId, true) !== undefined) {
      refuse(this.modelName, 'insertMany', 'a document lacks the tenant', scope);
    }
    if (hasChosenId(document)) refuseChosenId(this.modelName, 'insertMany', 'a document chooses _id', scope);
  }
});

const guardBulkWrite = builtIn(function guardBulkWrite(this: Model<unknown>, operations: unknown): void {
  const scope = requireScope(this.modelName, 'bulkWrite');
  if (scope.kind !== 'tenant') return;
  for (const operation of Array.isArray(operations) ? operations : []) {
    const problem = findUnscopedBulkOperation(operation, scope.tenantId);
    if (problem !== undefined) refuse(this.modelName, 'bulkWrite', problem, scope);
    const idWrite = findBulkIdWrite(operation);
    if (idWrite !== undefined) refuseChosenId(this.modelName, 'bulkWrite', idWrite, scope);
  }
});

function plainDocument(document: unknown): unknown {
  const toObject = (document as { toObject?: unknown } | null)?.toObject;
  return typeof toObject === 'function' ? (toObject as () => unknown).call(document) : document;
}

function findUnscopedBulkOperation(
  operation: unknown,
  tenantId: ReturnType<typeof toTenantObjectId>,
): string | undefined {
  if (!isPlainObject(operation)) return 'bulk operation is malformed';
  const kinds = Object.keys(operation);
  const [kind] = kinds;
  const spec = kind === undefined ? undefined : operation[kind];
  if (kinds.length !== 1 || kind === undefined || !isPlainObject(spec))
    return 'bulk operation must have exactly one kind';
  switch (kind) {
    case 'insertOne':
      return findTenantWrite(plainDocument(spec['document']), tenantId, true);
    case 'replaceOne':
      if (!hasTenantCondition(spec['filter'], tenantId))
        return 'replaceOne filter lacks the tenant condition';
      return findTenantWrite(spec['replacement'], tenantId, true);
    case 'updateOne':
    case 'updateMany':
      if (!hasTenantCondition(spec['filter'], tenantId)) return `${kind} filter lacks the tenant condition`;
      return findTenantWrite(spec['update'], tenantId, false);
    case 'deleteOne':
    case 'deleteMany':
      return hasTenantCondition(spec['filter'], tenantId)
        ? undefined
        : `${kind} filter lacks the tenant condition`;
    default:
      return `unknown bulk operation ${kind}`;
  }
}

/** Where a (well-formed) bulk operation would choose `_id`, or undefined. */
function findBulkIdWrite(operation: unknown): string | undefined {
  if (!isPlainObject(operation)) return undefined;
  const [kind] = Object.keys(operation);
  const spec = kind === undefined ? undefined : operation[kind];
  if (!isPlainObject(spec)) return undefined;
  if (kind === 'insertOne') return hasChosenId(spec['document']) ? 'insertOne chooses _id' : undefined;
  const upsert = spec['upsert'] === true;
  if (upsert && mentionsId(spec['filter'])) return `${kind} upsert filter names _id`;
  if (kind === 'replaceOne') return findIdWrite(spec['replacement'], true, upsert);
  if (kind === 'updateOne' || kind === 'updateMany') return findIdWrite(spec['update'], false, upsert);
  return undefined;
}

export function tenantIsolationPlugin(schema: Schema): void {
  schema.pre([...MONGOOSE_QUERY_OPERATIONS] as never, { document: false, query: true }, guardQuery);
  schema.pre('aggregate', guardAggregate);
  schema.pre('save', guardSave);
  schema.pre('insertMany', guardInsertMany);
  schema.pre('bulkWrite', guardBulkWrite);
  schema.static('watch', function refuseWatch(this: Model<unknown>) {
    refuse(this.modelName, 'watch', 'a change stream sees every tenant', currentScope());
  });
}
