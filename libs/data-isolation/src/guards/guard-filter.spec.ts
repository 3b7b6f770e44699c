import { trusted, Types } from 'mongoose';
import { CrossTenantAccessException } from '../errors/cross-tenant-access.exception';
import { IsolationRule } from '../errors/isolation-rule.enum';
import { guardFilter } from './guard-filter';

const own = new Types.ObjectId();
const foreign = new Types.ObjectId();

function refusal(filter: unknown): { rule: IsolationRule; path: string } | undefined {
  try {
    guardFilter(filter, own);
    return undefined;
  } catch (error) {
    if (error instanceof CrossTenantAccessException) return { rule: error.rule, path: error.path };
    throw error;
  }
}

describe('guardFilter', () => {
  describe('scoping', () => {
    it('ANDs the caller filter with the tenant condition instead of merging keys', () => {
      expect(guardFilter({ status: 'PAID' }, own)).toEqual({
        $and: [{ status: 'PAID' }, { tenantId: own, deletedAt: null }],
      });
    });

    it('scopes an empty or missing filter', () => {
      expect(guardFilter(undefined, own)).toEqual({ $and: [{}, { tenantId: own, deletedAt: null }] });
    });

    it('can include or select only soft-deleted documents', () => {
      expect(guardFilter({}, own, 'include').$and[1]).toEqual({ tenantId: own });
      expect(guardFilter({}, own, 'only').$and[1]).toMatchObject({ tenantId: own, deletedAt: { $ne: null } });
    });

    it('never mutates the caller’s filter and shares no objects with it', () => {
      const nested = { $in: ['A', 'B'] };
      const filter = { status: nested, $or: [{ amount: 1 }] };
      const snapshot = structuredClone(filter);
      const guarded = guardFilter(filter, own);
      expect(filter).toEqual(snapshot);
      expect((guarded.$and[0] as { status: unknown }).status).not.toBe(nested);
    });

    it('keeps the trusted() mark so sanitizeFilter still honours deliberate operators', () => {
      const guarded = guardFilter({ amount: trusted({ $gt: 5 }) }, own);
      const copy = (guarded.$and[0] as { amount: object }).amount;
      expect(Object.getOwnPropertySymbols(copy)).toHaveLength(1);
    });

    it('allows equality with the own tenant, as an ObjectId, its hex spelling or $eq', () => {
      expect(refusal({ tenantId: own })).toBeUndefined();
      expect(refusal({ tenantId: own.toHexString() })).toBeUndefined();
      expect(refusal({ tenantId: { $eq: own } })).toBeUndefined();
    });

    it('reads a getter once, so the checked value is the value sent', () => {
      let reads = 0;
      const filter = {
        get tenantId() {
          reads += 1;
          return reads === 1 ? own : foreign;
        },
      };
      const guarded = guardFilter(filter, own);
      expect((guarded.$and[0] as { tenantId: Types.ObjectId }).tenantId).toBe(own);
      expect(reads).toBe(1);
    });
  });

  describe('refuses naming another tenant', () => {
    it('refuses tenantId equal to another tenant', () => {
      expect(refusal({ tenantId: foreign })).toEqual({
        rule: IsolationRule.ForeignTenant,
        path: 'filter.tenantId',
      });
    });

    it('refuses another tenant’s id in hex', () => {
      expect(refusal({ tenantId: foreign.toHexString() })?.rule).toBe(IsolationRule.ForeignTenant);
    });

    it('refuses another tenant’s id hidden in uppercase hex', () => {
      expect(refusal({ tenantId: foreign.toHexString().toUpperCase() })?.rule).toBe(
        IsolationRule.ForeignTenant,
      );
    });

    it('refuses a 12-character string the driver would read as raw ObjectId bytes', () => {
      expect(refusal({ tenantId: 'abcdefghijkl' })?.rule).toBe(IsolationRule.TenantFieldOperator);
    });

    it('refuses $in listing a foreign tenant', () => {
      expect(refusal({ tenantId: { $in: [own, foreign] } })?.rule).toBe(IsolationRule.ForeignTenant);
    });

    it('refuses $eq of a foreign tenant', () => {
      expect(refusal({ tenantId: { $eq: foreign } })?.rule).toBe(IsolationRule.ForeignTenant);
    });

    it('refuses a foreign tenant inside $or', () => {
      expect(refusal({ $or: [{ status: 'A' }, { tenantId: foreign }] })?.path).toBe('filter.$or[1].tenantId');
    });

    it('refuses a foreign tenant inside $and', () => {
      expect(refusal({ $and: [{ tenantId: foreign }] })?.rule).toBe(IsolationRule.ForeignTenant);
    });

    it('refuses a foreign tenant inside $nor', () => {
      expect(refusal({ $nor: [{ tenantId: own }, { tenantId: foreign }] })?.rule).toBe(
        IsolationRule.ForeignTenant,
      );
    });

    it('refuses a foreign tenant deep in nested logical operators', () => {
      expect(refusal({ $or: [{ $and: [{ $nor: [{ tenantId: foreign }] }] }] })?.path).toBe(
        'filter.$or[0].$and[0].$nor[0].tenantId',
      );
    });

    it('refuses a foreign tenant inside $elemMatch', () => {
      expect(refusal({ items: { $elemMatch: { tenantId: foreign } } })?.rule).toBe(
        IsolationRule.ForeignTenant,
      );
    });

    it('refuses a foreign tenant in an embedded-document equality', () => {
      expect(refusal({ owner: { tenantId: foreign } })?.rule).toBe(IsolationRule.ForeignTenant);
    });
  });

  describe('refuses operators on tenantId', () => {
    it.each([
      ['$ne', { $ne: own }],
      ['$nin', { $nin: [own] }],
      ['$exists', { $exists: true }],
      ['$regex', { $regex: '.*' }],
      ['$gt', { $gt: own }],
      ['$type', { $type: 'objectId' }],
      ['$not', { $not: { $eq: own } }],
      ['$in with only the own tenant', { $in: [own] }],
    ])('refuses %s on tenantId', (_name, condition) => {
      expect(refusal({ tenantId: condition })?.rule).toBe(IsolationRule.TenantFieldOperator);
    });

    it('refuses a RegExp literal as tenantId', () => {
      expect(refusal({ tenantId: /.*/ })?.rule).toBe(IsolationRule.TenantFieldOperator);
    });

    it('refuses an array-valued tenantId (Mongoose would turn it into $in)', () => {
      expect(refusal({ tenantId: [own, foreign] })?.rule).toBe(IsolationRule.ForeignTenant);
    });

    it('refuses null as tenantId', () => {
      expect(refusal({ tenantId: null })?.rule).toBe(IsolationRule.TenantFieldOperator);
    });

    it('refuses a dotted path below tenantId', () => {
      expect(refusal({ 'tenantId.x': 1 })?.rule).toBe(IsolationRule.TenantFieldOperator);
    });

    it('refuses $expr comparing $tenantId', () => {
      expect(refusal({ $expr: { $ne: ['$tenantId', own] } })?.rule).toBe(IsolationRule.TenantFieldOperator);
    });

    it('refuses $expr reading tenantId through $$ROOT', () => {
      expect(refusal({ $expr: { $eq: ['$$ROOT.tenantId', foreign] } })?.rule).toBe(
        IsolationRule.TenantFieldOperator,
      );
    });

    it('refuses $expr reading tenantId through $getField', () => {
      expect(refusal({ $expr: { $eq: [{ $getField: 'tenantId' }, foreign] } })?.rule).toBe(
        IsolationRule.TenantFieldOperator,
      );
    });

    it('refuses tenantId in a $jsonSchema', () => {
      expect(refusal({ $jsonSchema: { properties: { tenantId: { enum: [foreign] } } } })?.rule).toBe(
        IsolationRule.ForeignTenant,
      );
    });
  });

  describe('refuses server-side JavaScript and unsafe values', () => {
    it('refuses $where', () => {
      expect(refusal({ $where: 'this.tenantId != null' })?.rule).toBe(IsolationRule.ServerSideJavaScript);
    });

    it('refuses $where nested in $or', () => {
      expect(refusal({ $or: [{ $where: 'true' }] })?.rule).toBe(IsolationRule.ServerSideJavaScript);
    });

    it('refuses $function inside $expr', () => {
      expect(refusal({ $expr: { $function: { body: 'return true', args: [], lang: 'js' } } })?.rule).toBe(
        IsolationRule.ServerSideJavaScript,
      );
    });

    it('refuses $accumulator inside $expr', () => {
      expect(refusal({ $expr: { $accumulator: {} } })?.rule).toBe(IsolationRule.ServerSideJavaScript);
    });

    it('refuses __proto__ as an own key (from JSON.parse)', () => {
      expect(refusal(JSON.parse('{"__proto__": {"tenantId": "x"}}'))?.rule).toBe(IsolationRule.PrototypeKey);
    });

    it('refuses constructor as a key', () => {
      expect(refusal({ constructor: { prototype: {} } })?.rule).toBe(IsolationRule.PrototypeKey);
    });

    it('ignores keys inherited from a polluted Object.prototype', () => {
      const prototype = Object.prototype as Record<string, unknown>;
      prototype['tenantId'] = foreign;
      try {
        const guarded = guardFilter({ status: 'A' }, own);
        expect(Object.keys(guarded.$and[0] as object)).toEqual(['status']);
        expect(Object.hasOwn(guarded.$and[1] as object, 'tenantId')).toBe(true);
        expect((guarded.$and[1] as { tenantId: Types.ObjectId }).tenantId).toBe(own);
      } finally {
        delete prototype['tenantId'];
      }
    });

    it('refuses a filter object with a non-standard prototype', () => {
      expect(refusal(Object.create({ tenantId: foreign }))?.rule).toBe(IsolationRule.MalformedOperation);
    });

    it('refuses a function value (a toBSON hook could change what is sent)', () => {
      expect(refusal({ status: { toBSON: () => ({ tenantId: foreign }) } })?.rule).toBe(
        IsolationRule.UninspectableValue,
      );
    });

    it('refuses a class instance that is not a BSON value', () => {
      expect(refusal({ status: new Map([['a', 1]]) })?.rule).toBe(IsolationRule.UninspectableValue);
    });

    it('refuses a filter that is not a plain object', () => {
      expect(refusal([{ tenantId: own }])?.rule).toBe(IsolationRule.MalformedOperation);
    });

    it('refuses $or that is not an array', () => {
      expect(refusal({ $or: { tenantId: foreign } })?.rule).toBe(IsolationRule.MalformedOperation);
    });

    it('refuses absurdly deep nesting before it exhausts the stack', () => {
      let filter: Record<string, unknown> = { status: 'A' };
      for (let depth = 0; depth < 200; depth += 1) filter = { $or: [filter] };
      expect(refusal(filter)?.rule).toBe(IsolationRule.MalformedOperation);
    });
  });
});
