import { TenantContextService } from '@tenantpay/tenancy';
import { type Aggregate, type Document, type Model, type Query, type Schema, Types } from 'mongoose';
import { isPlainObject } from '../guards/copy-query-value';
import { toTenantObjectId } from '../guards/tenant-object-id';
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

function refuse(modelName: string, operation: string, reason: string, scope: Scope): never {
  reportIsolationGuardViolation({
    modelName,
    operation,
    reason,
    tenantId: scope.kind === 'tenant' ? scope.tenantId.toHexString() : null,
  });
  throw new UnscopedTenantOperationException(modelName, operation, reason);
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
  const problem = findTenantWrite(this.getUpdate(), scope.tenantId, REPLACING_OPERATIONS.has(operation));
  if (problem !== undefined) refuse(modelName, operation, problem, scope);
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
});

const guardInsertMany = builtIn(function guardInsertMany(this: Model<unknown>, documents: unknown): void {
  const scope = requireScope(this.modelName, 'insertMany');
  if (scope.kind !== 'tenant') return;
  for (const document of Array.isArray(documents) ? documents : [documents]) {
    if (findTenantWrite(plainDocument(document), scope.tenantId, true) !== undefined) {
      refuse(this.modelName, 'insertMany', 'a document lacks the tenant', scope);
    }
  }
});

const guardBulkWrite = builtIn(function guardBulkWrite(this: Model<unknown>, operations: unknown): void {
  const scope = requireScope(this.modelName, 'bulkWrite');
  if (scope.kind !== 'tenant') return;
  for (const operation of Array.isArray(operations) ? operations : []) {
    const problem = findUnscopedBulkOperation(operation, scope.tenantId);
    if (problem !== undefined) refuse(this.modelName, 'bulkWrite', problem, scope);
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
