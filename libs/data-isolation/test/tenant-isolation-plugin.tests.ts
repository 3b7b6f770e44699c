import { IsolationRule, UnscopedTenantOperationException } from '../src';
import { useTestMongo, withPollutedPrototype } from '@tenantpay/testing';
import { type Model, Types } from 'mongoose';
import type { ExamplePayment } from './fixtures/example-payment.schema';
import { EXAMPLE_CONTACT_COLLECTION } from './fixtures/example-contact.schema';
import { type IsolationHarness, startIsolationHarness } from './support/isolation-harness';
import { seedTenants } from './support/two-tenant-seed';
import { asPlatform, asTenant, testTenant, withoutTenant } from './support/test-tenants';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the same internal list the plugin hooks
const { queryOperations } = require('mongoose/lib/constants') as { queryOperations: string[] };

type AnyModel = Model<ExamplePayment> &
  Record<string, (...args: unknown[]) => { exec?: () => Promise<unknown> } | Promise<unknown>>;

/** An unscoped call of every Mongoose query operation; a new operation fails here until someone adds it. */
function unscopedCall(model: Model<ExamplePayment>, operation: string): Promise<unknown> {
  const m = model as unknown as AnyModel;
  const replacement = {
    reference: 'X',
    amountMinor: 1,
    currency: 'EUR',
    status: 'PENDING',
    customerRef: 'C1',
  };
  const calls: Record<string, () => unknown> = {
    countDocuments: () => m.countDocuments({}),
    distinct: () => m.distinct('reference', {}),
    estimatedDocumentCount: () => m.estimatedDocumentCount(),
    find: () => m.find({}),
    findOne: () => m.findOne({ reference: 'R1' }),
    findOneAndReplace: () => m.findOneAndReplace({ reference: 'R1' }, replacement),
    findOneAndUpdate: () => m.findOneAndUpdate({ reference: 'R1' }, { $set: { status: 'X' } }),
    replaceOne: () => m.replaceOne({ reference: 'R1' }, replacement),
    updateMany: () => m.updateMany({}, { $set: { status: 'X' } }),
    updateOne: () => m.updateOne({}, { $set: { status: 'X' } }),
    deleteMany: () => m.deleteMany({}),
    deleteOne: () => m.deleteOne({}),
    findOneAndDelete: () => m.findOneAndDelete({}),
  };
  const call = calls[operation];
  if (call === undefined)
    throw new Error(`Mongoose added query operation "${operation}": add it to this test`);
  const query = call() as { exec?: () => Promise<unknown> };
  return typeof query.exec === 'function' ? query.exec() : (query as Promise<unknown>);
}

describe('tenantIsolationPlugin (the second line of defence)', () => {
  const mongo = useTestMongo();
  const tenantA = testTenant('bank-a');
  const tenantB = testTenant('bank-b');
  let harness: IsolationHarness;

  beforeAll(async () => {
    harness = await startIsolationHarness(mongo.uri);
    await seedTenants(mongo.db, [tenantA, tenantB]);
  });
  afterAll(async () => {
    await harness.close();
  });
  beforeEach(() => {
    harness.guardViolations.length = 0;
  });

  const scoped = (tenant = tenantA) => ({ $and: [{}, { tenantId: tenant.objectId, deletedAt: null }] });

  it('hooks every operation of Mongoose’s own query operation list', () => {
    expect(queryOperations).toEqual(
      expect.arrayContaining(['find', 'updateMany', 'deleteMany', 'findOneAndReplace']),
    );
  });

  describe('inside a tenant context', () => {
    it.each(queryOperations)('refuses %s without the tenant condition', async (operation) => {
      await expect(asTenant(tenantA, () => unscopedCall(harness.payments, operation))).rejects.toBeInstanceOf(
        UnscopedTenantOperationException,
      );
    });

    it('reports each refusal for the security audit trail', async () => {
      await expect(asTenant(tenantA, () => harness.payments.find({}).exec())).rejects.toThrow();
      expect(harness.guardViolations).toEqual([
        expect.objectContaining({ modelName: 'ExamplePayment', operation: 'find', tenantId: tenantA.id }),
      ]);
    });

    it('accepts a filter carrying the context tenant where the repository puts it', async () => {
      const found = await asTenant(tenantA, () => harness.payments.find(scoped()).lean().exec());
      expect(found).toHaveLength(4);
    });

    it('refuses a filter scoped to another tenant', async () => {
      await expect(
        asTenant(tenantA, () => harness.payments.find(scoped(tenantB)).exec()),
      ).rejects.toBeInstanceOf(UnscopedTenantOperationException);
    });

    it('refuses the tenant condition hidden inside $or, where it would not restrict', async () => {
      await expect(
        asTenant(tenantA, () =>
          harness.payments.find({ $or: [{ tenantId: tenantA.objectId }, { reference: 'R1' }] }).exec(),
        ),
      ).rejects.toBeInstanceOf(UnscopedTenantOperationException);
    });

    it('refuses the tenant as a hex string, which aggregation would not cast', async () => {
      await expect(
        asTenant(tenantA, () => harness.payments.find({ tenantId: tenantA.id }).exec()),
      ).rejects.toBeInstanceOf(UnscopedTenantOperationException);
    });

    it('cannot be skipped with { middleware: false }', async () => {
      await expect(
        asTenant(tenantA, () => harness.payments.find({}, null, { middleware: false } as never).exec()),
      ).rejects.toBeInstanceOf(UnscopedTenantOperationException);
    });

    it('refuses an unscoped query cursor', async () => {
      const drain = async () => {
        for await (const _document of harness.payments.find({}).cursor()) {
          // draining is enough
        }
      };
      await expect(asTenant(tenantA, drain)).rejects.toBeInstanceOf(UnscopedTenantOperationException);
    });

    it('refuses a scoped update that moves documents to another tenant', async () => {
      await expect(
        asTenant(tenantA, () =>
          harness.payments.updateMany(scoped(), { $set: { tenantId: tenantB.objectId } }).exec(),
        ),
      ).rejects.toThrow();
      const moved = await mongo.db
        .collection('example_payments')
        .countDocuments({ tenantId: tenantB.objectId });
      expect(moved).toBe(5);
    });

    it('refuses an aggregate that does not start with the tenant $match', async () => {
      await expect(
        asTenant(tenantA, () => harness.payments.aggregate([{ $match: { reference: 'R1' } }]).exec()),
      ).rejects.toBeInstanceOf(UnscopedTenantOperationException);
    });

    it('refuses a scoped aggregate whose $lookup into tenant data is unscoped', async () => {
      await expect(
        asTenant(tenantA, () =>
          harness.payments
            .aggregate([
              { $match: { tenantId: tenantA.objectId } },
              {
                $lookup: {
                  from: EXAMPLE_CONTACT_COLLECTION,
                  localField: 'customerRef',
                  foreignField: 'customerRef',
                  as: 'c',
                },
              },
            ])
            .exec(),
        ),
      ).rejects.toBeInstanceOf(UnscopedTenantOperationException);
    });

    it('refuses a scoped aggregate with $unionWith in string form', async () => {
      await expect(
        asTenant(tenantA, () =>
          harness.payments
            .aggregate([
              { $match: { tenantId: tenantA.objectId } },
              { $unionWith: EXAMPLE_CONTACT_COLLECTION },
            ])
            .exec(),
        ),
      ).rejects.toBeInstanceOf(UnscopedTenantOperationException);
    });

    it('refuses insertMany of documents without the tenant', async () => {
      await expect(
        asTenant(tenantA, () =>
          harness.payments.insertMany([
            {
              reference: 'Z',
              amountMinor: 1,
              currency: 'EUR',
              status: 'P',
              customerRef: 'C',
              tenantId: tenantB.objectId,
            },
          ]),
        ),
      ).rejects.toBeInstanceOf(UnscopedTenantOperationException);
    });

    it('refuses bulkWrite with an unscoped operation', async () => {
      await expect(
        asTenant(tenantA, () => harness.payments.bulkWrite([{ deleteMany: { filter: {} } }])),
      ).rejects.toBeInstanceOf(UnscopedTenantOperationException);
    });

    it('refuses saving a new document of another tenant', async () => {
      const document = new harness.payments({
        reference: 'S',
        amountMinor: 1,
        currency: 'EUR',
        status: 'P',
        customerRef: 'C',
        tenantId: tenantB.objectId,
      });
      await expect(asTenant(tenantA, () => document.save())).rejects.toBeInstanceOf(
        UnscopedTenantOperationException,
      );
    });

    it('refuses saving a loaded document, which would update by _id alone', async () => {
      const loaded = await asPlatform('test setup', () =>
        harness.payments.findOne({ tenantId: tenantA.objectId }).exec(),
      );
      loaded?.set('status', 'CHANGED');
      await expect(asTenant(tenantA, () => loaded?.save())).rejects.toBeInstanceOf(
        UnscopedTenantOperationException,
      );
    });

    describe('server-assigned _id (no existence oracle below the repository)', () => {
      const foreignId = () => new Types.ObjectId();
      const ownDocument = (extra: Record<string, unknown> = {}) => ({
        reference: 'ID',
        amountMinor: 1,
        currency: 'EUR',
        status: 'P',
        customerRef: 'C',
        tenantId: tenantA.objectId,
        ...extra,
      });
      const refused = async (work: () => Promise<unknown>) => {
        const before = await mongo.db.collection('example_payments').countDocuments({ reference: 'ID' });
        await expect(asTenant(tenantA, work)).rejects.toMatchObject({
          rule: IsolationRule.ServerAssignedId,
          code: 'cross_tenant_access',
        });
        expect(await mongo.db.collection('example_payments').countDocuments({ reference: 'ID' })).toBe(
          before,
        );
      };

      it('refuses save() and create() of a document with a chosen _id', async () => {
        await refused(() => new harness.payments(ownDocument({ _id: foreignId() })).save());
        await refused(() => harness.payments.create([ownDocument({ _id: foreignId() })]));
      });

      it('refuses insertMany and a bulk insert with a chosen _id', async () => {
        await refused(() => harness.payments.insertMany([ownDocument({ _id: foreignId() })]));
        await refused(() =>
          harness.payments.bulkWrite([{ insertOne: { document: ownDocument({ _id: foreignId() }) } }]),
        );
      });

      it('refuses an upsert whose filter names _id, as a query and in a bulk write', async () => {
        const filter = { $and: [{ _id: foreignId() }, { tenantId: tenantA.objectId, deletedAt: null }] };
        await refused(() =>
          harness.payments.updateOne(filter, { $set: { reference: 'ID' } }, { upsert: true }).exec(),
        );
        await refused(() =>
          harness.payments.bulkWrite([
            { updateOne: { filter, update: { $set: { reference: 'ID' } }, upsert: true } },
          ]),
        );
      });

      it('refuses $setOnInsert of _id and a replacement carrying one', async () => {
        await refused(() =>
          harness.payments
            .updateOne(scoped(), { $setOnInsert: { _id: foreignId() } }, { upsert: true })
            .exec(),
        );
        await refused(() => harness.payments.replaceOne(scoped(), ownDocument({ _id: foreignId() })).exec());
      });

      it('still accepts a document whose _id Mongoose made', async () => {
        await asTenant(tenantA, () => new harness.payments(ownDocument()).save());
        await expect(
          mongo.db.collection('example_payments').deleteMany({ reference: 'ID' }),
        ).resolves.toMatchObject({ deletedCount: 1 });
      });
    });

    it('refuses document.deleteOne(), which deletes by _id alone', async () => {
      const loaded = await asPlatform('test setup', () =>
        harness.payments.findOne({ tenantId: tenantB.objectId }).exec(),
      );
      await expect(asTenant(tenantA, () => loaded?.deleteOne())).rejects.toBeInstanceOf(
        UnscopedTenantOperationException,
      );
    });
  });

  describe('outside a tenant context', () => {
    it('refuses a tenant-owned query with no context at all', async () => {
      await expect(harness.payments.find({}).exec()).rejects.toBeInstanceOf(UnscopedTenantOperationException);
    });

    it('refuses a tenant-owned query in a context without a tenant (a public route)', async () => {
      await expect(withoutTenant(() => harness.payments.countDocuments({}).exec())).rejects.toBeInstanceOf(
        UnscopedTenantOperationException,
      );
    });

    it('refuses a tenant-owned aggregate with no context', async () => {
      await expect(harness.payments.aggregate([]).exec()).rejects.toBeInstanceOf(
        UnscopedTenantOperationException,
      );
    });

    it('allows cross-tenant work in the explicit platform scope', async () => {
      await expect(
        asPlatform('billing export', () => harness.payments.countDocuments({}).exec()),
      ).resolves.toBe(10);
    });

    it('is not opened by a polluted Object.prototype.platformScope', async () => {
      await withPollutedPrototype('platformScope', { reason: 'forged' }, async () => {
        await expect(withoutTenant(() => harness.payments.countDocuments({}).exec())).rejects.toBeInstanceOf(
          UnscopedTenantOperationException,
        );
        await expect(harness.payments.find({}).exec()).rejects.toBeInstanceOf(
          UnscopedTenantOperationException,
        );
      });
    });
  });

  describe('always refused', () => {
    it('refuses estimatedDocumentCount even in the platform scope', async () => {
      await expect(
        asPlatform('stats', () => harness.payments.estimatedDocumentCount().exec()),
      ).rejects.toBeInstanceOf(UnscopedTenantOperationException);
    });

    it('refuses watch even in the platform scope', () => {
      expect(() => asPlatform('stream', () => harness.payments.watch())).toThrow(
        UnscopedTenantOperationException,
      );
    });
  });

  it('leaves models that are not tenant-owned alone', async () => {
    const currencies = harness.connection.model('ExampleCurrency');
    await expect(currencies.countDocuments({}).exec()).resolves.toBe(2);
    expect(Types.ObjectId.isValid(tenantA.id)).toBe(true);
  });
});
