import { Types } from 'mongoose';
import { CrossTenantAccessException } from '../errors/cross-tenant-access.exception';
import { IsolationRule } from '../errors/isolation-rule.enum';
import { guardBulkWrite } from './guard-bulk-write';

const own = new Types.ObjectId();
const foreign = new Types.ObjectId();
const stamp = { deletedAt: new Date(0), deletedBy: 'user-1' };
const scoped = (filter: object) => ({ $and: [filter, { tenantId: own, deletedAt: null }] });

function ruleOf(operations: unknown): IsolationRule | undefined {
  try {
    guardBulkWrite(operations, own, stamp);
    return undefined;
  } catch (error) {
    if (error instanceof CrossTenantAccessException) return error.rule;
    throw error;
  }
}

describe('guardBulkWrite', () => {
  it('rebuilds every kind through the single-operation guards', () => {
    expect(
      guardBulkWrite(
        [
          { insertOne: { document: { a: 1 } } },
          { updateOne: { filter: { a: 1 }, update: { $set: { b: 1 } }, upsert: true } },
          { updateMany: { filter: {}, update: { $inc: { c: 1 } } } },
          { replaceOne: { filter: { a: 2 }, replacement: { a: 3 } } },
        ],
        own,
        stamp,
      ),
    ).toEqual([
      { insertOne: { document: { a: 1, tenantId: own } } },
      {
        updateOne: {
          filter: scoped({ a: 1 }),
          update: { $set: { b: 1 }, $setOnInsert: { tenantId: own } },
          upsert: true,
        },
      },
      { updateMany: { filter: scoped({}), update: { $inc: { c: 1 } }, upsert: false } },
      { replaceOne: { filter: scoped({ a: 2 }), replacement: { a: 3, tenantId: own }, upsert: false } },
    ]);
  });

  it('turns deletes into soft deletes of the tenant’s documents', () => {
    expect(guardBulkWrite([{ deleteMany: { filter: { a: 1 } } }], own, stamp)).toEqual([
      { updateMany: { filter: scoped({ a: 1 }), update: { $set: stamp }, upsert: false } },
    ]);
  });

  it('refuses an operation with two kinds', () => {
    expect(ruleOf([{ insertOne: { document: {} }, deleteMany: { filter: {} } }])).toBe(
      IsolationRule.MalformedOperation,
    );
  });

  it('refuses an operation with no kind', () => {
    expect(ruleOf([{}])).toBe(IsolationRule.MalformedOperation);
  });

  it('refuses an unknown kind', () => {
    expect(ruleOf([{ updateAll: { filter: {} } }])).toBe(IsolationRule.MalformedOperation);
  });

  it('refuses a kind inherited from the prototype', () => {
    expect(ruleOf([Object.create({ deleteMany: { filter: {} } })])).toBe(IsolationRule.MalformedOperation);
  });

  it('refuses collation on a bulk operation', () => {
    expect(
      ruleOf([
        { updateMany: { filter: {}, update: { $set: { a: 1 } }, collation: { locale: 'en', strength: 1 } } },
      ]),
    ).toBe(IsolationRule.UnsupportedOption);
  });

  it('refuses an insert of another tenant’s document', () => {
    expect(ruleOf([{ insertOne: { document: { tenantId: foreign } } }])).toBe(IsolationRule.ForeignTenant);
  });

  it('refuses a filter naming another tenant', () => {
    expect(ruleOf([{ deleteMany: { filter: { tenantId: foreign } } }])).toBe(IsolationRule.ForeignTenant);
  });

  it('refuses an update moving documents to another tenant', () => {
    expect(ruleOf([{ updateMany: { filter: {}, update: { $set: { tenantId: foreign } } } }])).toBe(
      IsolationRule.TenantFieldWrite,
    );
  });

  it('refuses a replacement carrying another tenant', () => {
    expect(ruleOf([{ replaceOne: { filter: {}, replacement: { tenantId: foreign } } }])).toBe(
      IsolationRule.ForeignTenant,
    );
  });

  it('refuses operations that are not an array', () => {
    expect(ruleOf({ insertOne: { document: {} } })).toBe(IsolationRule.MalformedOperation);
  });
});
