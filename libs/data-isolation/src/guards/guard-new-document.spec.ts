import { Types } from 'mongoose';
import { CrossTenantAccessException } from '../errors/cross-tenant-access.exception';
import { IsolationRule } from '../errors/isolation-rule.enum';
import { guardNewDocument } from './guard-new-document';

const own = new Types.ObjectId();
const foreign = new Types.ObjectId();

function ruleOf(document: unknown): IsolationRule | undefined {
  try {
    guardNewDocument(document, own);
    return undefined;
  } catch (error) {
    if (error instanceof CrossTenantAccessException) return error.rule;
    throw error;
  }
}

describe('guardNewDocument', () => {
  it('stamps the context tenant on a copy', () => {
    const document = { reference: 'R1' };
    expect(guardNewDocument(document, own)).toEqual({ reference: 'R1', tenantId: own });
    expect(document).toEqual({ reference: 'R1' });
  });

  it('accepts the own tenant, normalised to the ObjectId', () => {
    expect(guardNewDocument({ tenantId: own.toHexString() }, own)).toEqual({ tenantId: own });
  });

  it('refuses a foreign tenant instead of overwriting it', () => {
    expect(ruleOf({ tenantId: foreign })).toBe(IsolationRule.ForeignTenant);
  });

  it('refuses an array-valued tenantId', () => {
    expect(ruleOf({ tenantId: [own] })).toBe(IsolationRule.ForeignTenant);
  });

  it('refuses an object-valued tenantId', () => {
    expect(ruleOf({ tenantId: { _id: own } })).toBe(IsolationRule.ForeignTenant);
  });

  it('refuses a dotted tenantId.x key', () => {
    expect(ruleOf({ 'tenantId.x': 1 })).toBe(IsolationRule.MalformedOperation);
  });

  it('refuses operator keys in a replacement', () => {
    expect(ruleOf({ $set: { tenantId: foreign } })).toBe(IsolationRule.MalformedOperation);
  });

  it('refuses a foreign tenant in an embedded document', () => {
    expect(ruleOf({ meta: { tenantId: foreign } })).toBe(IsolationRule.ForeignTenant);
  });

  it('refuses __proto__ keys', () => {
    expect(ruleOf(JSON.parse('{"__proto__": {"tenantId": 1}}'))).toBe(IsolationRule.PrototypeKey);
  });

  it('refuses a document that is not a plain object', () => {
    expect(ruleOf(new Date())).toBe(IsolationRule.MalformedOperation);
  });
});
