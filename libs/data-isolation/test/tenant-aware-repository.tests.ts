import { CrossTenantAccessException, DATA_ISOLATION_AUDIT_ACTIONS, IsolationRule } from '../src';
import { DuplicateKeyException, isDuplicateKeyError } from '@tenantpay/platform';
import { useTestMongo } from '@tenantpay/testing';
import { trusted, Types } from 'mongoose';
import { EXAMPLE_CONTACT_COLLECTION } from './fixtures/example-contact.schema';
import { EXAMPLE_PAYMENT_COLLECTION } from './fixtures/example-payment.schema';
import {
  type IsolationHarness,
  SHARED_CURRENCY_COLLECTION,
  startIsolationHarness,
} from './support/isolation-harness';
import { type SeededTenant, seedTenants } from './support/two-tenant-seed';
import { asPlatform, asTenant, testTenant } from './support/test-tenants';

const TENANT_OWNED = new Set([EXAMPLE_PAYMENT_COLLECTION, EXAMPLE_CONTACT_COLLECTION]);

const newPayment = (reference: string) => ({
  reference,
  amountMinor: 1,
  currency: 'EUR',
  status: 'PENDING',
  customerRef: 'C1',
  tags: [],
});

describe('TenantAwareRepository against the MongoDB engine', () => {
  const mongo = useTestMongo();
  const tenantA = testTenant('bank-a');
  const tenantB = testTenant('bank-b');
  let harness: IsolationHarness;
  let seeded: Map<string, SeededTenant>;
  const idsOf = (tenant: typeof tenantA): SeededTenant => seeded.get(tenant.id) as SeededTenant;

  beforeAll(async () => {
    harness = await startIsolationHarness(mongo.uri);
  });
  afterAll(async () => {
    await harness.close();
  });
  beforeEach(async () => {
    seeded = await seedTenants(mongo.db, [tenantA, tenantB]);
    harness.probe.clear();
    harness.recorder.clear();
  });
  afterEach(() => {
    // The wire-level probe: whatever the test did as tenant A reached the server scoped to tenant A.
    expect(harness.probe.problems(TENANT_OWNED, tenantA.id)).toEqual([]);
  });

  const rawPaymentsOf = (tenant: typeof tenantA) =>
    mongo.db
      .collection(EXAMPLE_PAYMENT_COLLECTION)
      .find({ tenantId: tenant.objectId })
      .sort({ reference: 1 })
      .toArray();

  it('the wire probe flags a command that lacks the tenant condition (so it can fail)', async () => {
    await asPlatform('probe self-test', () => harness.payments.find({ reference: 'R1' }).lean().exec());
    await asPlatform('probe self-test', () =>
      harness.payments.aggregate([{ $match: { reference: 'R1' } }]).exec(),
    );
    expect(harness.probe.problems(TENANT_OWNED, tenantA.id)).toEqual([
      'find example_payments: filter not scoped',
      'aggregate example_payments: pipeline[0] is not the tenant $match',
    ]);
    harness.probe.clear();
  });

  describe('reads', () => {
    it('find returns only the tenant’s live documents although both tenants hold the same references', async () => {
      const found = await asTenant(tenantA, () =>
        harness.paymentRepository.find({ reference: trusted({ $in: ['R1', 'R2', 'R5'] }) }),
      );
      expect(found.map((p) => p.reference).sort()).toEqual(['R1', 'R2']);
      expect(found.every((p) => p.tenantId.equals(tenantA.objectId))).toBe(true);
    });

    it('findById with another tenant’s id answers like a missing document', async () => {
      const foreignId = idsOf(tenantB).paymentIds[0] as Types.ObjectId;
      await expect(
        asTenant(tenantA, () => harness.paymentRepository.findById(foreignId)),
      ).resolves.toBeNull();
      await expect(
        asTenant(tenantA, () => harness.paymentRepository.findById('not-an-id')),
      ).resolves.toBeNull();
    });

    it('countDocuments, exists and distinct see only the tenant', async () => {
      await asTenant(tenantA, async () => {
        await expect(harness.paymentRepository.countDocuments()).resolves.toBe(4);
        await expect(harness.paymentRepository.countDocuments({}, { deleted: 'include' })).resolves.toBe(5);
        await expect(harness.paymentRepository.exists({ _id: idsOf(tenantB).paymentIds[0] })).resolves.toBe(
          false,
        );
        await expect(harness.paymentRepository.exists({ _id: idsOf(tenantA).paymentIds[0] })).resolves.toBe(
          true,
        );
        const ids = await harness.paymentRepository.distinct('_id');
        expect(ids).toHaveLength(4);
        expect(
          ids.every((id) => idsOf(tenantA).paymentIds.some((own) => own.equals(id as Types.ObjectId))),
        ).toBe(true);
      });
    });

    it('findPage walks the tenant’s documents in _id order with a cursor', async () => {
      const pages = await asTenant(tenantA, async () => {
        const first = await harness.paymentRepository.findPage({}, { limit: 3 });
        const second = await harness.paymentRepository.findPage(
          {},
          { limit: 3, startingAfter: first.nextCursor ?? undefined },
        );
        return [first, second];
      });
      expect(pages[0]?.hasMore).toBe(true);
      expect(pages[1]?.hasMore).toBe(false);
      const all = [...(pages[0]?.items ?? []), ...(pages[1]?.items ?? [])].map((p) => p._id.toHexString());
      expect(all).toEqual([...idsOf(tenantA).paymentIds.slice(0, 4)].map((id) => id.toHexString()).sort());
    });

    it('stream yields plain documents of the tenant only', async () => {
      const streamed: string[] = [];
      await asTenant(tenantA, async () => {
        for await (const payment of harness.paymentRepository.stream({}, { sort: { reference: 1 } })) {
          expect(payment.tenantId.equals(tenantA.objectId)).toBe(true);
          streamed.push(payment.reference);
        }
      });
      expect(streamed).toEqual(['R1', 'R2', 'R3', 'R4']);
    });

    it('an operator smuggled into a filter value without trusted() is compared literally (sanitizeFilter)', async () => {
      const smuggled = { $ne: 'nothing' } as unknown as string;
      await expect(
        asTenant(tenantA, () => harness.contactRepository.findOne({ email: smuggled })),
      ).rejects.toThrow(/Cast to string failed/);
    });
  });

  describe('writes', () => {
    it('create stamps the context tenant and refuses a foreign one', async () => {
      const created = await asTenant(tenantA, () =>
        harness.paymentRepository.create({
          reference: 'R9',
          amountMinor: 5,
          currency: 'EUR',
          status: 'PENDING',
          customerRef: 'C1',
          tags: [],
        }),
      );
      expect(created.tenantId.equals(tenantA.objectId)).toBe(true);
      await expect(
        asTenant(tenantA, () =>
          harness.paymentRepository.create({
            reference: 'R10',
            amountMinor: 5,
            currency: 'EUR',
            status: 'PENDING',
            customerRef: 'C1',
            tags: [],
            tenantId: tenantB.objectId,
          } as never),
        ),
      ).rejects.toBeInstanceOf(CrossTenantAccessException);
      expect(harness.recorder.events).toEqual([
        expect.objectContaining({
          action: DATA_ISOLATION_AUDIT_ACTIONS.crossTenantAttempt,
          outcome: 'denied',
          metadata: expect.objectContaining({
            rule: IsolationRule.ForeignTenant,
            tenantId: tenantA.id,
            operation: 'create',
          }),
        }),
      ]);
    });

    it('the same reference may exist once per tenant (unique index starts with tenantId)', async () => {
      const created = await asTenant(tenantA, () =>
        harness.paymentRepository.insertMany([
          {
            reference: 'X1',
            amountMinor: 1,
            currency: 'EUR',
            status: 'PENDING',
            customerRef: 'C1',
            tags: [],
          },
        ]),
      );
      expect(created).toHaveLength(1);
      await expect(
        asTenant(tenantA, () =>
          harness.paymentRepository.create({
            reference: 'R1',
            amountMinor: 1,
            currency: 'EUR',
            status: 'PENDING',
            customerRef: 'C1',
            tags: [],
          }),
        ),
      ).rejects.toBeInstanceOf(DuplicateKeyException);
    });

    it('insertMany with lean skips hydration but not the guards: stamped with the tenant, chosen _id refused', async () => {
      const inserted = await asTenant(tenantA, () =>
        harness.paymentRepository.insertMany([newPayment('L1')], { lean: true }),
      );
      expect(inserted).toHaveLength(1);
      const stored = await mongo.db.collection(EXAMPLE_PAYMENT_COLLECTION).findOne({ reference: 'L1' });
      expect(stored?.['tenantId']).toEqual(tenantA.objectId);
      await expect(
        asTenant(tenantA, () =>
          harness.paymentRepository.insertMany([{ ...newPayment('L2'), _id: new Types.ObjectId() }], {
            lean: true,
          }),
        ),
      ).rejects.toBeInstanceOf(CrossTenantAccessException);
      await expect(
        asTenant(tenantA, () =>
          harness.paymentRepository.insertMany(
            [{ ...newPayment('L3'), tenantId: tenantB.objectId } as never],
            {
              lean: true,
            },
          ),
        ),
      ).rejects.toBeInstanceOf(CrossTenantAccessException);
    });

    it('a duplicate key names the index and its fields, never a value', async () => {
      const error: unknown = await asTenant(tenantA, () =>
        harness.paymentRepository.create(newPayment('R1')),
      ).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DuplicateKeyException);
      expect(isDuplicateKeyError(error)).toBe(true);
      const duplicate = error as DuplicateKeyException;
      expect(duplicate.index).toBe('tenantId_1_reference_1');
      expect(duplicate.fields).toEqual(['tenantId', 'reference']);
      const everything = JSON.stringify({ ...duplicate, message: duplicate.message, stack: duplicate.stack });
      expect(everything).not.toContain('R1');
      expect(everything).not.toContain(tenantA.id);
      expect(duplicate).not.toHaveProperty('keyValue');
    });

    it('updateMany with an empty filter changes only the tenant’s documents', async () => {
      const before = await rawPaymentsOf(tenantB);
      const result = await asTenant(tenantA, () =>
        harness.paymentRepository.updateMany({}, { $set: { status: 'FAILED' } }),
      );
      expect(result.matchedCount).toBe(4);
      expect(await rawPaymentsOf(tenantB)).toEqual(before);
    });

    it('an upsert inserts a document of the context tenant', async () => {
      const result = await asTenant(tenantA, () =>
        harness.paymentRepository.updateOne(
          { reference: 'NEW' },
          { $set: { amountMinor: 1, currency: 'EUR', status: 'PENDING', customerRef: 'C9' } },
          { upsert: true },
        ),
      );
      expect(result.upsertedCount).toBe(1);
      const inserted = await mongo.db.collection(EXAMPLE_PAYMENT_COLLECTION).findOne({ reference: 'NEW' });
      expect(inserted?.['tenantId']).toEqual(tenantA.objectId);
    });

    it('findOneAndUpdate and a pipeline update keep the tenant', async () => {
      await asTenant(tenantA, async () => {
        const updated = await harness.paymentRepository.findOneAndUpdate(
          { reference: 'R1' },
          { $inc: { amountMinor: 1 } },
        );
        expect(updated?.amountMinor).toBe(1001);
        await harness.paymentRepository.updateOne({ reference: 'R2' }, [{ $set: { status: 'COMPLETED' } }]);
      });
      const own = await rawPaymentsOf(tenantA);
      expect(own.find((p) => p['reference'] === 'R2')?.['status']).toBe('COMPLETED');
      expect(own.every((p) => (p['tenantId'] as Types.ObjectId).equals(tenantA.objectId))).toBe(true);
    });

    it('replaceOne keeps the tenant on the replacement', async () => {
      await asTenant(tenantA, () =>
        harness.paymentRepository.replaceOne(
          { reference: 'R3' },
          {
            reference: 'R3',
            amountMinor: 7,
            currency: 'EUR',
            status: 'PENDING',
            customerRef: 'C1',
            tags: [],
          },
        ),
      );
      const replaced = await mongo.db
        .collection(EXAMPLE_PAYMENT_COLLECTION)
        .findOne({ tenantId: tenantA.objectId, reference: 'R3' });
      expect(replaced?.['amountMinor']).toBe(7);
    });

    it('replaceOne and a bulk replaceOne stamp updatedAt now, whatever stamp the replacement carries', async () => {
      // A write stamped in the past would be invisible to "what changed since" (a placement move's frozen check).
      const before = Date.now();
      const stale = new Date(0);
      const replacement = (reference: string) =>
        ({
          reference,
          amountMinor: 8,
          currency: 'EUR',
          status: 'PENDING',
          customerRef: 'C1',
          tags: [],
          updatedAt: stale,
        }) as never;
      await asTenant(tenantA, async () => {
        await harness.paymentRepository.replaceOne({ reference: 'R3' }, replacement('R3'));
        await harness.paymentRepository.bulkWrite([
          { replaceOne: { filter: { reference: 'R2' }, replacement: replacement('R2'), upsert: false } },
        ]);
      });
      for (const reference of ['R3', 'R2']) {
        const replaced = await mongo.db
          .collection(EXAMPLE_PAYMENT_COLLECTION)
          .findOne({ tenantId: tenantA.objectId, reference });
        expect(replaced?.['amountMinor']).toBe(8);
        expect((replaced?.['updatedAt'] as Date).getTime()).toBeGreaterThanOrEqual(before - 1_000);
      }
    });

    it('soft delete hides a document and restore brings it back, for the tenant only', async () => {
      await asTenant(tenantA, async () => {
        await expect(harness.paymentRepository.softDeleteOne({ reference: 'R1' })).resolves.toBe(1);
        await expect(harness.paymentRepository.findByReference('R1')).resolves.toBeNull();
        const deleted = await harness.paymentRepository.findOne({ reference: 'R1' }, { deleted: 'only' });
        expect(deleted?.deletedBy).toBe('admin-of-bank-a');
        await expect(harness.paymentRepository.restoreOne({ reference: 'R1' })).resolves.toBe(1);
        await expect(harness.paymentRepository.findByReference('R1')).resolves.not.toBeNull();
      });
      const foreign = await mongo.db
        .collection(EXAMPLE_PAYMENT_COLLECTION)
        .findOne({ tenantId: tenantB.objectId, reference: 'R1' });
      expect(foreign?.['deletedAt']).toBeNull();
    });

    it('bulkWrite rebuilds every operation through the guards', async () => {
      const before = await rawPaymentsOf(tenantB);
      const summary = await asTenant(tenantA, () =>
        harness.paymentRepository.bulkWrite([
          {
            insertOne: {
              document: {
                reference: 'B1',
                amountMinor: 1,
                currency: 'EUR',
                status: 'PENDING',
                customerRef: 'C1',
                tags: [],
              },
            },
          },
          { updateMany: { filter: {}, update: { $inc: { amountMinor: 1 } } } },
          {
            replaceOne: {
              filter: { reference: 'R2' },
              replacement: {
                reference: 'R2',
                amountMinor: 2,
                currency: 'EUR',
                status: 'PENDING',
                customerRef: 'C2',
                tags: [],
              },
            },
          },
          { deleteOne: { filter: { reference: 'R3' } } },
          {
            updateOne: {
              filter: { reference: 'UP' },
              update: { $set: { amountMinor: 3, currency: 'EUR', status: 'PENDING', customerRef: 'C3' } },
              upsert: true,
            },
          },
        ]),
      );
      expect(summary.insertedCount).toBe(1);
      expect(summary.upsertedCount).toBe(1);
      expect(await rawPaymentsOf(tenantB)).toEqual(before);
      const own = await rawPaymentsOf(tenantA);
      expect(own.every((p) => (p['tenantId'] as Types.ObjectId).equals(tenantA.objectId))).toBe(true);
      expect(own.find((p) => p['reference'] === 'R3')?.['deletedAt']).toBeInstanceOf(Date);
    });
  });

  describe('server-assigned _id (no existence oracle)', () => {
    // B's id: the probe a tenant A caller would send to learn whether B holds it.
    const foreignId = () => idsOf(tenantB).paymentIds[0] as Types.ObjectId;
    const refusedBeforeMongo = async (work: () => Promise<unknown>) => {
      harness.probe.clear();
      await expect(asTenant(tenantA, work)).rejects.toMatchObject({
        rule: IsolationRule.ServerAssignedId,
        code: 'cross_tenant_access',
      });
      expect(harness.probe.commands.filter((c) => c.collection === EXAMPLE_PAYMENT_COLLECTION)).toEqual([]);
    };
    const repository = () => harness.paymentRepository;

    it('refuses create with a caller-chosen _id', async () => {
      await refusedBeforeMongo(() => repository().create({ ...newPayment('N1'), _id: foreignId() }));
    });

    it('refuses insertMany with a caller-chosen _id', async () => {
      await refusedBeforeMongo(() =>
        repository().insertMany([newPayment('N1'), { ...newPayment('N2'), _id: new Types.ObjectId() }]),
      );
    });

    it('refuses an upsert whose filter names _id (it would insert that id)', async () => {
      await refusedBeforeMongo(() =>
        repository().updateOne({ _id: foreignId() }, { $set: { status: 'X' } }, { upsert: true }),
      );
      await refusedBeforeMongo(() =>
        repository().findOneAndUpdate(
          { $and: [{ _id: trusted({ $in: [foreignId()] }) }] },
          { $set: { status: 'X' } },
          { upsert: true },
        ),
      );
      await refusedBeforeMongo(() =>
        repository().replaceOne({ _id: foreignId() }, newPayment('N1'), { upsert: true }),
      );
    });

    it('refuses an update that writes _id through any operator', async () => {
      await refusedBeforeMongo(() =>
        repository().updateOne({ reference: 'N1' }, { $setOnInsert: { _id: foreignId() } }, { upsert: true }),
      );
      await refusedBeforeMongo(() =>
        repository().updateOne({ reference: 'R1' }, { $set: { _id: foreignId() } }),
      );
      await refusedBeforeMongo(() =>
        repository().updateOne({ reference: 'R1' }, [{ $set: { _id: foreignId() } }], { upsert: false }),
      );
    });

    it('refuses a replacement or a bulk insert carrying a caller-chosen _id', async () => {
      await refusedBeforeMongo(() =>
        repository().replaceOne({ reference: 'R1' }, { ...newPayment('R1'), _id: foreignId() }),
      );
      await refusedBeforeMongo(() =>
        repository().bulkWrite([{ insertOne: { document: { ...newPayment('N1'), _id: foreignId() } } }]),
      );
      await refusedBeforeMongo(() =>
        repository().bulkWrite([
          { updateOne: { filter: { _id: foreignId() }, update: { $set: { status: 'X' } }, upsert: true } },
        ]),
      );
    });

    it('accepts an id the repository issued (code that needs the id before the insert)', async () => {
      const id = repository().newId();
      const created = await asTenant(tenantA, () => repository().create({ ...newPayment('N1'), _id: id }));
      expect(created._id.equals(id)).toBe(true);
      await refusedBeforeMongo(() =>
        repository().create({ ...newPayment('N2'), _id: new Types.ObjectId(id.toHexString()) }),
      );
    });
  });

  describe('aggregations', () => {
    it('groups only the tenant’s documents', async () => {
      const totals = await asTenant(tenantA, () => harness.paymentRepository.totalsByCurrency());
      expect(totals).toEqual([{ _id: 'JPY', totalMinor: 2000, count: 1 }]);
    });

    it('a localField/foreignField $lookup joins only the tenant’s contacts', async () => {
      const joined = await asTenant(tenantA, () =>
        harness.paymentRepository.aggregate<{
          reference: string;
          contact: { tenantId: Types.ObjectId; customerRef: string }[];
        }>([
          { $sort: { reference: 1 } },
          {
            $lookup: {
              from: EXAMPLE_CONTACT_COLLECTION,
              localField: 'customerRef',
              foreignField: 'customerRef',
              as: 'contact',
            },
          },
        ]),
      );
      expect(joined).toHaveLength(4);
      for (const payment of joined) {
        expect(payment.contact).toHaveLength(1);
        expect(payment.contact[0]?.tenantId).toEqual(tenantA.objectId);
      }
    });

    it('$unionWith in string form, $graphLookup and $facet stay inside the tenant', async () => {
      const [result] = await asTenant(tenantA, () =>
        harness.contactRepository.aggregate<{
          all: { tenantId: Types.ObjectId }[];
          chain: { referrers: { tenantId: Types.ObjectId }[] }[];
        }>([
          {
            $facet: {
              all: [{ $unionWith: EXAMPLE_PAYMENT_COLLECTION }],
              chain: [
                { $match: { customerRef: 'C3' } },
                {
                  $graphLookup: {
                    from: EXAMPLE_CONTACT_COLLECTION,
                    startWith: '$referredBy',
                    connectFromField: 'referredBy',
                    connectToField: 'customerRef',
                    as: 'referrers',
                  },
                },
              ],
            },
          },
        ]),
      );
      expect(result?.all).toHaveLength(3 + 4);
      expect(result?.all.every((doc) => doc.tenantId.equals(tenantA.objectId))).toBe(true);
      expect(result?.chain[0]?.referrers).toHaveLength(2);
      expect(result?.chain[0]?.referrers.every((doc) => doc.tenantId.equals(tenantA.objectId))).toBe(true);
    });

    it('joins a shared allow-listed collection but refuses one that is not listed', async () => {
      const joined = await asTenant(tenantA, () =>
        harness.paymentRepository.aggregate<{ currencyInfo: unknown[] }>([
          {
            $lookup: {
              from: SHARED_CURRENCY_COLLECTION,
              localField: 'currency',
              foreignField: 'code',
              as: 'currencyInfo',
            },
          },
        ]),
      );
      expect(joined.every((payment) => payment.currencyInfo.length === 1)).toBe(true);
      await expect(
        asTenant(tenantA, () =>
          harness.paymentRepository.aggregate([
            { $lookup: { from: 'example_unlisted', localField: 'currency', foreignField: 'code', as: 'x' } },
          ]),
        ),
      ).rejects.toMatchObject({ rule: IsolationRule.CollectionNotAllowed });
    });
  });
});
