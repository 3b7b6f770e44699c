import { Types } from 'mongoose';
import { CrossTenantAccessException } from '../errors/cross-tenant-access.exception';
import { IsolationRule } from '../errors/isolation-rule.enum';
import { staticCollectionRegistry } from './collection-registry';
import { checkPlatformPipeline, rewritePipeline } from './rewrite-pipeline';

const own = new Types.ObjectId();
const foreign = new Types.ObjectId();
const registry = staticCollectionRegistry(['payments', 'contacts'], ['currencies']);
const scope = { tenantId: own, deletedAt: null };

function ruleOf(pipeline: unknown): IsolationRule | undefined {
  try {
    rewritePipeline(pipeline, own, registry);
    return undefined;
  } catch (error) {
    if (error instanceof CrossTenantAccessException) return error.rule;
    throw error;
  }
}

describe('rewritePipeline', () => {
  describe('scoping', () => {
    it('puts the tenant $match first', () => {
      expect(rewritePipeline([{ $group: { _id: '$status' } }], own, registry)).toEqual([
        { $match: scope },
        { $group: { _id: '$status' } },
      ]);
    });

    it('scopes an empty pipeline', () => {
      expect(rewritePipeline([], own, registry)).toEqual([{ $match: scope }]);
    });

    it('gives a localField/foreignField $lookup a pipeline that starts with the tenant $match', () => {
      const [, lookup] = rewritePipeline(
        [{ $lookup: { from: 'contacts', localField: 'c', foreignField: 'c', as: 'j' } }],
        own,
        registry,
      );
      expect(lookup).toEqual({
        $lookup: {
          from: 'contacts',
          localField: 'c',
          foreignField: 'c',
          as: 'j',
          pipeline: [{ $match: scope }],
        },
      });
    });

    it('prepends the tenant $match to a $lookup’s own pipeline and keeps its let', () => {
      const [, lookup] = rewritePipeline(
        [
          {
            $lookup: {
              from: 'contacts',
              let: { c: '$c' },
              pipeline: [{ $match: { $expr: { $eq: ['$c', '$$c'] } } }],
              as: 'j',
            },
          },
        ],
        own,
        registry,
      );
      expect(lookup).toEqual({
        $lookup: {
          from: 'contacts',
          as: 'j',
          let: { c: '$c' },
          pipeline: [{ $match: scope }, { $match: { $expr: { $eq: ['$c', '$$c'] } } }],
        },
      });
    });

    it('scopes lookups nested inside lookups', () => {
      const [, outer] = rewritePipeline(
        [
          {
            $lookup: {
              from: 'contacts',
              as: 'j',
              pipeline: [{ $lookup: { from: 'payments', localField: 'a', foreignField: 'b', as: 'k' } }],
            },
          },
        ],
        own,
        registry,
      );
      const inner = (outer as { $lookup: { pipeline: { $lookup?: { pipeline: unknown[] } }[] } }).$lookup
        .pipeline[1];
      expect(inner?.$lookup?.pipeline).toEqual([{ $match: scope }]);
    });

    it('turns the string form of $unionWith into a scoped pipeline', () => {
      expect(rewritePipeline([{ $unionWith: 'contacts' }], own, registry)[1]).toEqual({
        $unionWith: { coll: 'contacts', pipeline: [{ $match: scope }] },
      });
    });

    it('prepends the tenant $match to a $unionWith pipeline', () => {
      expect(
        rewritePipeline([{ $unionWith: { coll: 'payments', pipeline: [{ $limit: 1 }] } }], own, registry)[1],
      ).toEqual({
        $unionWith: { coll: 'payments', pipeline: [{ $match: scope }, { $limit: 1 }] },
      });
    });

    it('restricts a $graphLookup search to the tenant', () => {
      const [, graph] = rewritePipeline(
        [
          {
            $graphLookup: {
              from: 'contacts',
              startWith: '$r',
              connectFromField: 'r',
              connectToField: 'c',
              as: 'chain',
            },
          },
        ],
        own,
        registry,
      );
      expect(graph).toEqual({
        $graphLookup: {
          from: 'contacts',
          startWith: '$r',
          connectFromField: 'r',
          connectToField: 'c',
          as: 'chain',
          restrictSearchWithMatch: { $and: [{}, scope] },
        },
      });
    });

    it('ANDs a caller’s restrictSearchWithMatch with the tenant', () => {
      const [, graph] = rewritePipeline(
        [
          {
            $graphLookup: {
              from: 'contacts',
              startWith: '$r',
              connectFromField: 'r',
              connectToField: 'c',
              as: 'x',
              restrictSearchWithMatch: { vip: true },
            },
          },
        ],
        own,
        registry,
      );
      expect(
        (graph as { $graphLookup: { restrictSearchWithMatch: unknown } }).$graphLookup
          .restrictSearchWithMatch,
      ).toEqual({ $and: [{ vip: true }, scope] });
    });

    it('scopes joins inside every $facet branch', () => {
      const [, facet] = rewritePipeline(
        [{ $facet: { a: [{ $unionWith: 'payments' }], b: [{ $count: 'n' }] } }],
        own,
        registry,
      );
      expect(facet).toEqual({
        $facet: {
          a: [{ $unionWith: { coll: 'payments', pipeline: [{ $match: scope }] } }],
          b: [{ $count: 'n' }],
        },
      });
    });

    it('joins a shared allow-listed collection without a tenant condition', () => {
      expect(
        rewritePipeline(
          [{ $lookup: { from: 'currencies', localField: 'cur', foreignField: 'code', as: 'c' } }],
          own,
          registry,
        )[1],
      ).toEqual({
        $lookup: { from: 'currencies', localField: 'cur', foreignField: 'code', as: 'c' },
      });
    });

    it('can include soft-deleted documents of the aggregated collection', () => {
      expect(rewritePipeline([], own, registry, { deleted: 'include' })).toEqual([
        { $match: { tenantId: own } },
      ]);
    });

    it('never mutates the caller’s pipeline', () => {
      const pipeline = [
        { $lookup: { from: 'contacts', localField: 'c', foreignField: 'c', as: 'j' } },
        { $unionWith: 'payments' },
      ];
      const snapshot = structuredClone(pipeline);
      rewritePipeline(pipeline, own, registry);
      expect(pipeline).toEqual(snapshot);
    });
  });

  describe('refusals', () => {
    it.each([
      '$out',
      '$merge',
      '$collStats',
      '$indexStats',
      '$planCacheStats',
      '$currentOp',
      '$listSessions',
      '$listLocalSessions',
      '$documents',
      '$changeStream',
      '$geoNear',
      '$search',
      '$searchMeta',
      '$vectorSearch',
    ])('refuses %s', (stage) => {
      expect(ruleOf([{ [stage]: {} }])).toBe(IsolationRule.RefusedStage);
    });

    it('refuses a stage it does not know', () => {
      expect(ruleOf([{ $futureStage: {} }])).toBe(IsolationRule.RefusedStage);
    });

    it('refuses $out hidden in a $facet branch', () => {
      expect(ruleOf([{ $facet: { a: [{ $out: 'stolen' }] } }])).toBe(IsolationRule.RefusedStage);
    });

    it('refuses $merge hidden in a $lookup pipeline', () => {
      expect(ruleOf([{ $lookup: { from: 'contacts', as: 'j', pipeline: [{ $merge: 'stolen' }] } }])).toBe(
        IsolationRule.RefusedStage,
      );
    });

    it('refuses a $lookup into a collection that is neither tenant-owned nor shared', () => {
      expect(ruleOf([{ $lookup: { from: 'users', localField: 'a', foreignField: 'b', as: 'u' } }])).toBe(
        IsolationRule.CollectionNotAllowed,
      );
    });

    it('refuses a $lookup without from (a $documents join)', () => {
      expect(ruleOf([{ $lookup: { as: 'x', pipeline: [{ $documents: [{ tenantId: foreign }] }] } }])).toBe(
        IsolationRule.CollectionNotAllowed,
      );
    });

    it('refuses a cross-database $lookup', () => {
      expect(ruleOf([{ $lookup: { from: { db: 'other', coll: 'payments' }, as: 'x', pipeline: [] } }])).toBe(
        IsolationRule.CollectionNotAllowed,
      );
    });

    it('refuses a $unionWith into a collection that is not allowed', () => {
      expect(ruleOf([{ $unionWith: 'tenants' }])).toBe(IsolationRule.CollectionNotAllowed);
    });

    it('refuses a $graphLookup into a collection that is not allowed', () => {
      expect(
        ruleOf([
          {
            $graphLookup: {
              from: 'users',
              startWith: '$a',
              connectFromField: 'a',
              connectToField: 'b',
              as: 'x',
            },
          },
        ]),
      ).toBe(IsolationRule.CollectionNotAllowed);
    });

    it('refuses an unknown $lookup option', () => {
      expect(
        ruleOf([{ $lookup: { from: 'contacts', as: 'x', pipeline: [], collation: { locale: 'en' } } }]),
      ).toBe(IsolationRule.UnsupportedOption);
    });

    it('refuses a later $match naming another tenant', () => {
      expect(ruleOf([{ $limit: 5 }, { $match: { tenantId: foreign } }])).toBe(IsolationRule.ForeignTenant);
    });

    it('refuses a $match with an operator on tenantId inside a $lookup pipeline', () => {
      expect(
        ruleOf([
          { $lookup: { from: 'contacts', as: 'j', pipeline: [{ $match: { tenantId: { $ne: own } } }] } },
        ]),
      ).toBe(IsolationRule.TenantFieldOperator);
    });

    it('refuses a restrictSearchWithMatch naming another tenant', () => {
      expect(
        ruleOf([
          {
            $graphLookup: {
              from: 'contacts',
              startWith: '$a',
              connectFromField: 'a',
              connectToField: 'b',
              as: 'x',
              restrictSearchWithMatch: { tenantId: foreign },
            },
          },
        ]),
      ).toBe(IsolationRule.ForeignTenant);
    });

    it('refuses $function in a $project', () => {
      expect(ruleOf([{ $project: { x: { $function: { body: 'return 1', args: [], lang: 'js' } } } }])).toBe(
        IsolationRule.ServerSideJavaScript,
      );
    });

    it('refuses $accumulator in a $group', () => {
      expect(ruleOf([{ $group: { _id: null, x: { $accumulator: {} } } }])).toBe(
        IsolationRule.ServerSideJavaScript,
      );
    });

    it('refuses $where in a $match', () => {
      expect(ruleOf([{ $match: { $where: 'true' } }])).toBe(IsolationRule.ServerSideJavaScript);
    });

    it('refuses $function hidden in a $lookup let', () => {
      expect(
        ruleOf([{ $lookup: { from: 'contacts', as: 'j', let: { x: { $function: {} } }, pipeline: [] } }]),
      ).toBe(IsolationRule.ServerSideJavaScript);
    });

    it('refuses a stage with two operators', () => {
      expect(ruleOf([{ $match: {}, $out: 'x' }])).toBe(IsolationRule.MalformedOperation);
    });

    it('refuses a pipeline that is not an array', () => {
      expect(ruleOf({ $match: {} })).toBe(IsolationRule.MalformedOperation);
    });

    it('refuses a $facet branch that is not an array', () => {
      expect(ruleOf([{ $facet: { a: { $out: 'x' } } }])).toBe(IsolationRule.MalformedOperation);
    });
  });

  describe('checkPlatformPipeline', () => {
    it('lets the platform scope group across tenants without injecting a tenant', () => {
      const pipeline = [{ $match: { tenantId: foreign } }, { $group: { _id: '$tenantId', n: { $sum: 1 } } }];
      expect(checkPlatformPipeline(pipeline, registry)).toEqual(pipeline);
    });

    it('still refuses $out in the platform scope', () => {
      expect(() => checkPlatformPipeline([{ $out: 'x' }], registry)).toThrow(CrossTenantAccessException);
    });

    it('still refuses server-side JavaScript in the platform scope', () => {
      expect(() => checkPlatformPipeline([{ $match: { $where: 'true' } }], registry)).toThrow(
        CrossTenantAccessException,
      );
    });
  });
});
