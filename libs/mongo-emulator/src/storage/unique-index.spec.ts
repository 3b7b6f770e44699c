import { Decimal128, Long } from 'bson';
import { WriteLockTable } from '../transactions/write-lock-table';
import { Collection } from './collection';
import { DuplicateKeyError } from './duplicate-key.error';
import { indexDefinitionFrom } from './index-definition';

function collectionWithIndex(spec: object): Collection {
  const collection = new Collection('db', 'coll', new WriteLockTable());
  collection.createIndex(indexDefinitionFrom(spec));
  return collection;
}

describe('unique indexes', () => {
  it('refuses a second document with the same key, numbers equal across BSON types', () => {
    const collection = collectionWithIndex({ key: { amount: 1 }, unique: true });
    collection.insert({ _id: 1, amount: 1 });

    expect(() => collection.insert({ _id: 2, amount: Long.fromNumber(1) })).toThrow(DuplicateKeyError);
    expect(() => collection.insert({ _id: 3, amount: Decimal128.fromString('1.0') })).toThrow(
      DuplicateKeyError,
    );
    expect(() => collection.insert({ _id: 4, amount: '1' })).not.toThrow();
  });

  it('reports the index name, key pattern and key value', () => {
    const collection = collectionWithIndex({
      key: { tenantId: 1, email: 1 },
      name: 'tenant_email',
      unique: true,
    });
    collection.insert({ _id: 1, tenantId: 't', email: 'e' });

    expect(() => collection.insert({ _id: 2, tenantId: 't', email: 'e' })).toThrow(
      expect.objectContaining({
        code: 11000,
        message:
          'E11000 duplicate key error collection: db.coll index: tenant_email dup key: { tenantId: "t", email: "e" }',
        details: { keyPattern: { tenantId: 1, email: 1 }, keyValue: { tenantId: 't', email: 'e' } },
      }),
    );
  });

  it('allows the same value in one field of a compound key when the other differs', () => {
    const collection = collectionWithIndex({ key: { tenantId: 1, email: 1 }, unique: true });
    collection.insert({ _id: 1, tenantId: 't1', email: 'e' });

    expect(() => collection.insert({ _id: 2, tenantId: 't2', email: 'e' })).not.toThrow();
  });

  it('treats missing fields as null unless the index is sparse', () => {
    const dense = collectionWithIndex({ key: { code: 1 }, unique: true });
    const sparse = collectionWithIndex({ key: { code: 1 }, unique: true, sparse: true });
    dense.insert({ _id: 1 });
    sparse.insert({ _id: 1 });

    expect(() => dense.insert({ _id: 2 })).toThrow(DuplicateKeyError);
    expect(() => dense.insert({ _id: 3, code: null })).toThrow(DuplicateKeyError);
    expect(() => sparse.insert({ _id: 2 })).not.toThrow();
  });

  it('only indexes documents matching partialFilterExpression', () => {
    const collection = collectionWithIndex({
      key: { ref: 1 },
      unique: true,
      partialFilterExpression: { status: 'active' },
    });
    collection.insert({ _id: 1, ref: 'r', status: 'active' });
    collection.insert({ _id: 2, ref: 'r', status: 'archived' });

    expect(() => collection.insert({ _id: 3, ref: 'r', status: 'active' })).toThrow(DuplicateKeyError);
  });

  it('indexes every element of an array field', () => {
    const collection = collectionWithIndex({ key: { aliases: 1 }, unique: true });
    collection.insert({ _id: 1, aliases: ['a', 'b'] });

    expect(() => collection.insert({ _id: 2, aliases: ['c', 'b'] })).toThrow(DuplicateKeyError);
    expect(() => collection.insert({ _id: 3, aliases: ['c', 'c'] })).not.toThrow();
  });

  it('frees a key when its document is replaced or removed', () => {
    const collection = collectionWithIndex({ key: { email: 1 }, unique: true });
    collection.insert({ _id: 1, email: 'old' });
    collection.replace('n1e0', { _id: 1, email: 'new' });
    collection.insert({ _id: 2, email: 'old' });
    collection.remove('n2e0');

    expect(() => collection.insert({ _id: 3, email: 'old' })).not.toThrow();
    expect(() => collection.insert({ _id: 4, email: 'new' })).toThrow(DuplicateKeyError);
  });

  it('lets a document keep its own key when replaced', () => {
    const collection = collectionWithIndex({ key: { email: 1 }, unique: true });
    collection.insert({ _id: 1, email: 'same', n: 1 });

    expect(() => collection.replace('n1e0', { _id: 1, email: 'same', n: 2 })).not.toThrow();
  });

  it('refuses to build over existing duplicates', () => {
    const collection = new Collection('db', 'coll', new WriteLockTable());
    collection.insert({ _id: 1, email: 'x' });
    collection.insert({ _id: 2, email: 'x' });

    expect(() => collection.createIndex(indexDefinitionFrom({ key: { email: 1 }, unique: true }))).toThrow(
      DuplicateKeyError,
    );
  });

  it('refuses a duplicate _id', () => {
    const collection = new Collection('db', 'coll', new WriteLockTable());
    collection.insert({ _id: 1 });

    expect(() => collection.insert({ _id: 1.0 })).toThrow(expect.objectContaining({ code: 11000 }));
  });
});
