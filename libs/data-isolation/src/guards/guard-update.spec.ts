import { Types } from 'mongoose';
import { CrossTenantAccessException } from '../errors/cross-tenant-access.exception';
import { IsolationRule } from '../errors/isolation-rule.enum';
import { guardUpdate } from './guard-update';

const own = new Types.ObjectId();
const foreign = new Types.ObjectId();

function ruleOf(update: unknown, upsert = false): IsolationRule | undefined {
  try {
    guardUpdate(update, own, { upsert });
    return undefined;
  } catch (error) {
    if (error instanceof CrossTenantAccessException) return error.rule;
    throw error;
  }
}

describe('guardUpdate', () => {
  describe('operator updates', () => {
    it('passes ordinary operators through as a copy', () => {
      const update = { $set: { status: 'PAID' }, $inc: { attempts: 1 } };
      const guarded = guardUpdate(update, own);
      expect(guarded).toEqual(update);
      expect(guarded).not.toBe(update);
    });

    it('reads top-level fields as the $set Mongoose makes of them', () => {
      expect(guardUpdate({ status: 'PAID' }, own)).toEqual({ $set: { status: 'PAID' } });
    });

    it('stamps upserts with $setOnInsert of the context tenant', () => {
      expect(guardUpdate({ $set: { a: 1 } }, own, { upsert: true })).toEqual({
        $set: { a: 1 },
        $setOnInsert: { tenantId: own },
      });
    });

    it('keeps the caller’s own $setOnInsert fields beside the stamp', () => {
      expect(guardUpdate({ $setOnInsert: { createdBy: 'u' } }, own, { upsert: true })).toEqual({
        $setOnInsert: { createdBy: 'u', tenantId: own },
      });
    });

    it.each([
      ['$set', { $set: { tenantId: foreign } }],
      ['$set of the own tenant', { $set: { tenantId: own } }],
      ['an implicit $set', { tenantId: foreign }],
      ['$unset', { $unset: { tenantId: '' } }],
      ['$setOnInsert', { $setOnInsert: { tenantId: foreign } }],
      ['$inc', { $inc: { tenantId: 1 } }],
      ['$mul', { $mul: { tenantId: 2 } }],
      ['$min', { $min: { tenantId: foreign } }],
      ['$max', { $max: { tenantId: foreign } }],
      ['$currentDate', { $currentDate: { tenantId: true } }],
      ['$push', { $push: { tenantId: foreign } }],
      ['$addToSet', { $addToSet: { tenantId: foreign } }],
      ['$pull', { $pull: { tenantId: own } }],
      ['$pullAll', { $pullAll: { tenantId: [own] } }],
      ['$pop', { $pop: { tenantId: 1 } }],
      ['$bit', { $bit: { tenantId: { and: 0 } } }],
      ['$rename from tenantId', { $rename: { tenantId: 'formerTenant' } }],
      ['$rename onto tenantId', { $rename: { otherTenant: 'tenantId' } }],
      ['$rename onto a path below tenantId', { $rename: { x: 'tenantId.y' } }],
      ['a dotted tenantId.x', { $set: { 'tenantId.x': 1 } }],
      ['a positional tenantId.$', { $set: { 'tenantId.$': foreign } }],
      ['an all-positional tenantId.$[]', { $set: { 'tenantId.$[]': foreign } }],
    ])('refuses writing tenantId through %s', (_name, update) => {
      expect(ruleOf(update)).toBe(IsolationRule.TenantFieldWrite);
    });

    it('refuses an unknown update operator', () => {
      expect(ruleOf({ $setUnion: { a: 1 } })).toBe(IsolationRule.MalformedOperation);
    });

    it('refuses an operator whose value is not a document', () => {
      expect(ruleOf({ $set: 'tenantId' })).toBe(IsolationRule.MalformedOperation);
    });

    it('refuses $where inside a $pull condition', () => {
      expect(ruleOf({ $pull: { items: { $where: 'true' } } })).toBe(IsolationRule.ServerSideJavaScript);
    });

    it('refuses a foreign tenant hidden in an embedded document value', () => {
      expect(ruleOf({ $set: { owner: { tenantId: foreign } } })).toBe(IsolationRule.ForeignTenant);
    });

    it('refuses __proto__ as a field', () => {
      expect(ruleOf(JSON.parse('{"$set": {"__proto__": {"x": 1}}}'))).toBe(IsolationRule.PrototypeKey);
    });

    it('refuses an update that is neither a document nor a pipeline', () => {
      expect(ruleOf('tenantId')).toBe(IsolationRule.MalformedOperation);
    });
  });

  describe('pipeline updates', () => {
    it('ends every pipeline with a $set of the context tenant', () => {
      const guarded = guardUpdate([{ $set: { status: 'PAID' } }], own);
      expect(guarded).toEqual([{ $set: { status: 'PAID' } }, { $set: { tenantId: own } }]);
    });

    it('re-stamps the tenant after a $replaceWith', () => {
      const guarded = guardUpdate([{ $replaceWith: { status: 'x' } }], own) as unknown[];
      expect(guarded.at(-1)).toEqual({ $set: { tenantId: own } });
    });

    it('refuses $set of tenantId in a pipeline', () => {
      expect(ruleOf([{ $set: { tenantId: foreign } }])).toBe(IsolationRule.TenantFieldWrite);
    });

    it('refuses $addFields of tenantId in a pipeline', () => {
      expect(ruleOf([{ $addFields: { tenantId: '$otherTenant' } }])).toBe(IsolationRule.TenantFieldWrite);
    });

    it('refuses $unset of tenantId in a pipeline', () => {
      expect(ruleOf([{ $unset: ['status', 'tenantId'] }])).toBe(IsolationRule.TenantFieldWrite);
    });

    it('refuses $project writing tenantId in a pipeline', () => {
      expect(ruleOf([{ $project: { tenantId: { $literal: foreign } } }])).toBe(
        IsolationRule.TenantFieldWrite,
      );
    });

    it('refuses a stage that is not allowed in pipeline updates', () => {
      expect(ruleOf([{ $lookup: { from: 'x', as: 'y', pipeline: [] } }])).toBe(IsolationRule.RefusedStage);
    });

    it('refuses $function in a pipeline update', () => {
      expect(ruleOf([{ $set: { a: { $function: { body: 'x', args: [], lang: 'js' } } } }])).toBe(
        IsolationRule.ServerSideJavaScript,
      );
    });

    it('refuses a stage with two operators', () => {
      expect(ruleOf([{ $set: { a: 1 }, $unset: 'b' }])).toBe(IsolationRule.MalformedOperation);
    });
  });
});
