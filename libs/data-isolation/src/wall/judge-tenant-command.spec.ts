import { Types } from 'mongoose';
import { CrossTenantAccessException } from '../errors/cross-tenant-access.exception';
import { IsolationRule } from '../errors/isolation-rule.enum';
import { guardFilter } from '../guards/guard-filter';
import { guardUpdate } from '../guards/guard-update';
import { judgeTenantCommand } from './judge-tenant-command';
import { registerTenantOwnedCollection } from './tenant-owned-collection-names';
import { WallCollectionRegistry } from './wall-collection-registry';

registerTenantOwnedCollection('unit_payments');
const registry = new WallCollectionRegistry({
  platformCollections: ['unit_audit'],
  sharedCollections: ['unit_currencies'],
});
const own = new Types.ObjectId();
const foreign = new Types.ObjectId();
const scoped = (filter: object = {}) => guardFilter(filter, own);

function ruleOf(command: Record<string, unknown>): IsolationRule | undefined {
  try {
    judgeTenantCommand(Object.keys(command)[0] ?? '', command, own, registry);
    return undefined;
  } catch (error) {
    if (error instanceof CrossTenantAccessException) return error.rule;
    throw error;
  }
}

describe('judgeTenantCommand (inside a tenant context, on the command as sent)', () => {
  it('accepts what the repository sends', () => {
    expect(ruleOf({ find: 'unit_payments', filter: scoped({ reference: 'R1' }) })).toBeUndefined();
    expect(
      ruleOf({
        update: 'unit_payments',
        updates: [{ q: scoped(), u: guardUpdate({ $set: { a: 1 } }, own, { upsert: true }), upsert: true }],
      }),
    ).toBeUndefined();
    expect(
      ruleOf({
        update: 'unit_payments',
        updates: [{ q: scoped(), u: guardUpdate([{ $set: { a: 1 } }], own) }],
      }),
    ).toBeUndefined();
    expect(ruleOf({ insert: 'unit_payments', documents: [{ tenantId: own, a: 1 }] })).toBeUndefined();
  });

  it('refuses a tenant condition that is only one alternative of an $or', () => {
    expect(ruleOf({ find: 'unit_payments', filter: { $or: [{ tenantId: own }, { a: 1 }] } })).toBe(
      IsolationRule.UnscopedOperation,
    );
  });

  it('refuses an $setOnInsert stamping another tenant', () => {
    expect(
      ruleOf({
        update: 'unit_payments',
        updates: [{ q: scoped(), u: { $set: { a: 1 }, $setOnInsert: { tenantId: foreign } }, upsert: true }],
      }),
    ).toBe(IsolationRule.TenantFieldWrite);
  });

  it('refuses a pipeline update whose last word on tenantId is not the own tenant', () => {
    expect(ruleOf({ update: 'unit_payments', updates: [{ q: scoped(), u: [{ $set: { a: 1 } }] }] })).toBe(
      IsolationRule.UnscopedOperation,
    );
    expect(
      ruleOf({
        update: 'unit_payments',
        updates: [{ q: scoped(), u: [{ $set: { tenantId: own } }, { $unset: 'tenantId' }] }],
      }),
    ).toBe(IsolationRule.TenantFieldWrite);
  });

  it('refuses a replacement without the own tenant', () => {
    expect(ruleOf({ update: 'unit_payments', updates: [{ q: scoped(), u: { a: 1 } }] })).toBe(
      IsolationRule.UnscopedOperation,
    );
  });

  it('refuses DDL and explain on tenant data, and database-level commands', () => {
    expect(ruleOf({ createIndexes: 'unit_payments', indexes: [] })).toBe(IsolationRule.RefusedCommand);
    expect(ruleOf({ drop: 'unit_payments' })).toBe(IsolationRule.RefusedCommand);
    expect(ruleOf({ explain: { find: 'unit_payments', filter: scoped() } })).toBe(
      IsolationRule.RefusedCommand,
    );
    expect(ruleOf({ listCollections: 1 })).toBe(IsolationRule.RefusedCommand);
  });

  it('lets a platform collection be used directly but not joined into, nor dropped', () => {
    expect(ruleOf({ insert: 'unit_audit', documents: [{ tenantId: own, action: 'x' }] })).toBeUndefined();
    expect(ruleOf({ drop: 'unit_audit' })).toBe(IsolationRule.RefusedCommand);
    expect(
      ruleOf({
        aggregate: 'unit_audit',
        pipeline: [{ $unionWith: { coll: 'unit_payments', pipeline: [] } }],
      }),
    ).toBe(IsolationRule.UnscopedOperation);
  });

  it('lets shared reference data be read but not written', () => {
    expect(ruleOf({ find: 'unit_currencies', filter: {} })).toBeUndefined();
    expect(ruleOf({ delete: 'unit_currencies', deletes: [{ q: {}, limit: 0 }] })).toBe(
      IsolationRule.RefusedCommand,
    );
  });

  it('refuses server-side JavaScript in a projection', () => {
    expect(
      ruleOf({ find: 'unit_payments', filter: scoped(), projection: { x: { $function: { body: 'x' } } } }),
    ).toBe(IsolationRule.ServerSideJavaScript);
  });
});
