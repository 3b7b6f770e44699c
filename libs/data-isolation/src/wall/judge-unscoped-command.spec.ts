import { CrossTenantAccessException } from '../errors/cross-tenant-access.exception';
import { IsolationRule } from '../errors/isolation-rule.enum';
import { judgeUnscopedCommand } from './judge-unscoped-command';
import { registerTenantOwnedCollection } from './tenant-owned-collection-names';
import { WallCollectionRegistry } from './wall-collection-registry';

registerTenantOwnedCollection('unit_payments');
const registry = new WallCollectionRegistry({ platformCollections: ['unit_tenants'] });

function ruleOf(command: Record<string, unknown>): IsolationRule | undefined {
  try {
    judgeUnscopedCommand(Object.keys(command)[0] ?? '', command, registry);
    return undefined;
  } catch (error) {
    if (error instanceof CrossTenantAccessException) return error.rule;
    throw error;
  }
}

describe('judgeUnscopedCommand (outside any tenant context and the platform scope)', () => {
  it('lets index builds and collection creation on tenant-owned collections through', () => {
    expect(ruleOf({ createIndexes: 'unit_payments', indexes: [] })).toBeUndefined();
    expect(ruleOf({ listIndexes: 'unit_payments' })).toBeUndefined();
    expect(ruleOf({ create: 'unit_payments' })).toBeUndefined();
  });

  it('lets commands on platform collections and database-level commands through', () => {
    expect(ruleOf({ find: 'unit_tenants', filter: {} })).toBeUndefined();
    expect(ruleOf({ listCollections: 1 })).toBeUndefined();
    expect(ruleOf({ ping: 1 })).toBeUndefined();
  });

  it('refuses reading, writing or dropping a tenant-owned collection', () => {
    expect(ruleOf({ find: 'unit_payments', filter: {} })).toBe(IsolationRule.UnscopedOperation);
    expect(ruleOf({ delete: 'unit_payments', deletes: [] })).toBe(IsolationRule.UnscopedOperation);
    expect(ruleOf({ drop: 'unit_payments' })).toBe(IsolationRule.UnscopedOperation);
  });

  it('refuses an explain of a tenant-owned read', () => {
    expect(ruleOf({ explain: { find: 'unit_payments', filter: {} } })).toBe(IsolationRule.UnscopedOperation);
  });

  it('refuses a platform pipeline that joins or writes tenant data', () => {
    expect(
      ruleOf({
        aggregate: 'unit_tenants',
        pipeline: [{ $lookup: { from: 'unit_payments', as: 'p', pipeline: [] } }],
      }),
    ).toBe(IsolationRule.UnscopedOperation);
    expect(
      ruleOf({ aggregate: 'unit_tenants', pipeline: [{ $facet: { a: [{ $unionWith: 'unit_payments' }] } }] }),
    ).toBe(IsolationRule.UnscopedOperation);
    expect(ruleOf({ aggregate: 'unit_tenants', pipeline: [{ $merge: { into: 'unit_payments' } }] })).toBe(
      IsolationRule.UnscopedOperation,
    );
  });

  it('refuses a database-wide change stream', () => {
    expect(ruleOf({ aggregate: 1, pipeline: [{ $changeStream: {} }] })).toBe(IsolationRule.RefusedStage);
  });

  it('refuses a view over a tenant-owned collection, which would then be readable from anywhere', () => {
    expect(ruleOf({ create: 'unit_view', viewOn: 'unit_payments', pipeline: [] })).toBe(
      IsolationRule.UnscopedOperation,
    );
  });

  it('refuses renaming a tenant-owned collection in either direction', () => {
    expect(ruleOf({ renameCollection: 'db.unit_payments', to: 'db.loose' })).toBe(
      IsolationRule.UnscopedOperation,
    );
    expect(ruleOf({ renameCollection: 'db.loose', to: 'db.unit_payments' })).toBe(
      IsolationRule.UnscopedOperation,
    );
  });

  it('refuses the client-level bulkWrite, which spans namespaces in one command', () => {
    expect(ruleOf({ bulkWrite: 1, ops: [], nsInfo: [] })).toBe(IsolationRule.RefusedCommand);
  });
});
