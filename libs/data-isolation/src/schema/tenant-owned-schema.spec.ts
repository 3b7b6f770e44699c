import { Mongoose, Types } from 'mongoose';
import { tenantOwnedSchema, isTenantOwnedSchema } from './tenant-owned-schema';

const BY_TENANT_AND_ID = { key: { tenantId: 1, _id: 1 }, reason: 'a test collection' } as const;

const definition = () => ({ reference: { type: String, required: true } });

describe('tenantOwnedSchema', () => {
  const mongoose = new Mongoose();
  afterAll(() => mongoose.disconnect());

  it('adds tenantId as a required, immutable ObjectId', () => {
    const tenantId = tenantOwnedSchema(definition(), { collection: 'a', shard: BY_TENANT_AND_ID }).path(
      'tenantId',
    );
    expect(tenantId.instance).toBe('ObjectId');
    expect(tenantId.options).toMatchObject({ required: true, immutable: true });
  });

  it('adds soft delete fields and timestamps', () => {
    const schema = tenantOwnedSchema(definition(), { collection: 'a', shard: BY_TENANT_AND_ID });
    expect(schema.path('deletedAt').instance).toBe('Date');
    expect(schema.path('deletedBy').instance).toBe('String');
    expect(schema.path('createdAt')).toBeDefined();
    expect(schema.path('updatedAt')).toBeDefined();
  });

  it('throws on unknown paths in filters and documents instead of dropping them', () => {
    const schema = tenantOwnedSchema(definition(), { collection: 'a', shard: BY_TENANT_AND_ID });
    expect(schema.get('strictQuery')).toBe('throw');
    expect(schema.get('strict')).toBe('throw');
  });

  it('refuses a definition that brings its own tenantId', () => {
    expect(() =>
      tenantOwnedSchema({ tenantId: String }, { collection: 'a', shard: BY_TENANT_AND_ID }),
    ).toThrow(/defined by tenantOwnedSchema/);
  });

  it('refuses a compound index that does not start with tenantId', () => {
    const schema = tenantOwnedSchema(definition(), { collection: 'a', shard: BY_TENANT_AND_ID });
    expect(() => schema.index({ reference: 1, tenantId: 1 })).toThrow(/must start with tenantId/);
  });

  it('refuses a single-field unique index without tenantId (a cross-tenant oracle)', () => {
    const schema = tenantOwnedSchema(definition(), { collection: 'a', shard: BY_TENANT_AND_ID });
    expect(() => schema.index({ reference: 1 }, { unique: true })).toThrow(/must start with tenantId/);
  });

  it('accepts indexes that start with tenantId', () => {
    const schema = tenantOwnedSchema(definition(), { collection: 'a', shard: BY_TENANT_AND_ID });
    expect(() => schema.index({ tenantId: 1, reference: 1 }, { unique: true })).not.toThrow();
  });

  it('refuses a path-level unique index when the model is created', () => {
    const schema = tenantOwnedSchema(
      { reference: { type: String, unique: true } },
      { collection: 'path_level', shard: BY_TENANT_AND_ID },
    );
    expect(() => mongoose.model('PathLevelIndex', schema)).toThrow(/must start with tenantId/);
  });

  it('marks the schema (and Mongoose’s clones of it) as tenant-owned', () => {
    const schema = tenantOwnedSchema(definition(), { collection: 'marked', shard: BY_TENANT_AND_ID });
    const model = mongoose.model('Marked', schema);
    expect(isTenantOwnedSchema(model.schema)).toBe(true);
  });

  describe('tenantId cast', () => {
    const Model = mongoose.model(
      'CastCheck',
      tenantOwnedSchema(definition(), { collection: 'cast_check', shard: BY_TENANT_AND_ID }),
    );
    const tenantId = new Types.ObjectId();

    it('accepts an ObjectId and its hex spelling', () => {
      expect(new Model({ reference: 'r', tenantId }).tenantId).toEqual(tenantId);
      expect(new Model({ reference: 'r', tenantId: tenantId.toHexString() }).tenantId).toEqual(tenantId);
    });

    it('refuses an array-valued tenantId', () => {
      expect(
        new Model({ reference: 'r', tenantId: [tenantId] }).validateSync()?.errors['tenantId'],
      ).toBeDefined();
    });

    it('refuses an object-valued tenantId (Mongoose would take its _id)', () => {
      expect(
        new Model({ reference: 'r', tenantId: { _id: tenantId } }).validateSync()?.errors['tenantId'],
      ).toBeDefined();
    });

    it('refuses a 12-character string the default cast would read as raw bytes', () => {
      expect(
        new Model({ reference: 'r', tenantId: 'abcdefghijkl' }).validateSync()?.errors['tenantId'],
      ).toBeDefined();
    });

    it('requires a tenantId', () => {
      expect(new Model({ reference: 'r' }).validateSync()?.errors['tenantId']).toBeDefined();
    });
  });
});
