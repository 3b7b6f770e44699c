import { isDuplicateKeyError } from '@tenantpay/platform';
import { CrossTenantAccessException } from '../src';
import { ExamplePaymentRepository } from './fixtures/example-payment.repository';
import { useTestMongo } from '@tenantpay/testing';
import fc from 'fast-check';
import { type Aggregate, type Query, trusted, Types } from 'mongoose';
import { EXAMPLE_CONTACT_COLLECTION } from './fixtures/example-contact.schema';
import {
  EXAMPLE_PAYMENT_COLLECTION,
  type ExamplePayment,
  ExamplePaymentSchema,
} from './fixtures/example-payment.schema';
import { type IsolationHarness, startIsolationHarness } from './support/isolation-harness';
import {
  SEED_CUSTOMERS,
  SEED_REFERENCES,
  SEED_STATUSES,
  type SeededTenant,
  seedTenants,
} from './support/two-tenant-seed';
import { asTenant, testTenant } from './support/test-tenants';

/**
 * The isolation invariant, checked against random sequences of repository operations run as tenant A while
 * tenant B holds identical documents with colliding business keys: nothing of B is ever returned, counted,
 * modified or deleted. Besides the repository, operations go around it the ways the command wall stands
 * under: raw `Model.collection` and `connection.db` commands (scoped to A or not) and a repository whose
 * model has hooks, added after the isolation plugin, that widen every filter and drop the tenant `$match`.
 * `ISOLATION_PROPERTY_OPERATIONS` raises the number of operations (nightly runs).
 */
const OPERATIONS = Number(process.env['ISOLATION_PROPERTY_OPERATIONS'] ?? 1000);
const SEQUENCE_LENGTH = 10;

type Filter = Record<string, unknown>;

/** Ids are chosen by position so the arbitraries do not depend on the seeded values. */
interface IdRef {
  readonly owner: 'A' | 'B';
  readonly index: number;
}

type Operation =
  | {
      kind: 'find' | 'findOne' | 'count' | 'distinct' | 'exists' | 'softDeleteMany' | 'restoreMany';
      filter: FilterSpec;
    }
  | { kind: 'findById'; id: IdRef }
  | {
      kind: 'updateOne' | 'updateMany' | 'findOneAndUpdate';
      filter: FilterSpec;
      update: UpdateSpec;
      upsert: boolean;
    }
  | { kind: 'replaceOne'; filter: FilterSpec; reference: string; upsert: boolean }
  | { kind: 'create'; reference: string }
  | { kind: 'bulkWrite'; operations: BulkSpec[] }
  | { kind: 'aggregate'; pipeline: PipelineSpec }
  | { kind: 'attack'; attack: AttackSpec }
  | {
      kind: 'raw';
      path: 'modelCollection' | 'connectionDb';
      action: RawAction;
      filter: FilterSpec;
      scoped: boolean;
    }
  | { kind: 'hooked'; action: HookedAction; filter: FilterSpec };

type RawAction = 'find' | 'count' | 'distinct' | 'updateMany' | 'deleteMany' | 'aggregate' | 'insertMany';
type HookedAction = 'find' | 'count' | 'distinct' | 'updateMany' | 'softDeleteMany' | 'aggregate';

type FilterSpec =
  | { by: 'all' }
  | { by: 'reference'; value: string }
  | { by: 'status'; value: string }
  | { by: 'references'; values: string[] }
  | { by: 'amountAtLeast'; value: number }
  | { by: 'referenceOrStatus'; reference: string; status: string }
  | { by: 'id'; id: IdRef }
  | { by: 'ids'; ids: IdRef[] }
  | { by: 'customer'; value: string };

type UpdateSpec =
  | { set: 'status'; value: string }
  | { set: 'inc'; value: number }
  | { set: 'push'; value: string }
  | { set: 'pipeline'; value: string };
type BulkSpec =
  | { kind: 'insert'; reference: string }
  | { kind: 'update'; filter: FilterSpec; update: UpdateSpec; upsert: boolean; many: boolean }
  | { kind: 'delete'; filter: FilterSpec }
  | { kind: 'replace'; filter: FilterSpec; reference: string };
type PipelineSpec =
  'lookup' | 'lookupPipeline' | 'unionWith' | 'unionWithString' | 'facet' | 'graphLookup' | 'group';
type AttackSpec =
  | 'foreignTenantFilter'
  | 'tenantNotEqual'
  | 'foreignTenantInOr'
  | 'where'
  | 'setForeignTenant'
  | 'insertForeignTenant'
  | 'lookupForeignMatch'
  | 'expressionOnTenant';

const reference = fc.constantFrom(...SEED_REFERENCES, 'N1', 'N2');
const status = fc.constantFrom(...SEED_STATUSES);
const idRef: fc.Arbitrary<IdRef> = fc.record({
  owner: fc.constantFrom('A' as const, 'B' as const),
  index: fc.nat(4),
});

const filterSpec: fc.Arbitrary<FilterSpec> = fc.oneof(
  fc.constant({ by: 'all' as const }),
  reference.map((value) => ({ by: 'reference' as const, value })),
  status.map((value) => ({ by: 'status' as const, value })),
  fc
    .array(reference, { minLength: 1, maxLength: 3 })
    .map((values) => ({ by: 'references' as const, values })),
  fc.integer({ min: 0, max: 6000 }).map((value) => ({ by: 'amountAtLeast' as const, value })),
  fc.record({ reference, status }).map((spec) => ({ by: 'referenceOrStatus' as const, ...spec })),
  idRef.map((id) => ({ by: 'id' as const, id })),
  fc.array(idRef, { minLength: 1, maxLength: 4 }).map((ids) => ({ by: 'ids' as const, ids })),
  fc.constantFrom(...SEED_CUSTOMERS).map((value) => ({ by: 'customer' as const, value })),
);

const updateSpec: fc.Arbitrary<UpdateSpec> = fc.oneof(
  status.map((value) => ({ set: 'status' as const, value })),
  fc.integer({ min: -5, max: 5 }).map((value) => ({ set: 'inc' as const, value })),
  fc.constantFrom('x', 'y').map((value) => ({ set: 'push' as const, value })),
  status.map((value) => ({ set: 'pipeline' as const, value })),
);

const bulkSpec: fc.Arbitrary<BulkSpec> = fc.oneof(
  reference.map((ref) => ({ kind: 'insert' as const, reference: ref })),
  fc
    .record({ filter: filterSpec, update: updateSpec, upsert: fc.boolean(), many: fc.boolean() })
    .map((spec) => ({ kind: 'update' as const, ...spec })),
  filterSpec.map((filter) => ({ kind: 'delete' as const, filter })),
  fc.record({ filter: filterSpec, reference }).map((spec) => ({ kind: 'replace' as const, ...spec })),
);

const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({
    kind: fc.constantFrom(
      'find' as const,
      'findOne' as const,
      'count' as const,
      'distinct' as const,
      'exists' as const,
    ),
    filter: filterSpec,
  }),
  fc.record({ kind: fc.constantFrom('softDeleteMany' as const, 'restoreMany' as const), filter: filterSpec }),
  fc.record({ kind: fc.constant('findById' as const), id: idRef }),
  fc.record({
    kind: fc.constantFrom('updateOne' as const, 'updateMany' as const, 'findOneAndUpdate' as const),
    filter: filterSpec,
    update: updateSpec,
    upsert: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('replaceOne' as const),
    filter: filterSpec,
    reference,
    upsert: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('create' as const), reference }),
  fc.record({
    kind: fc.constant('bulkWrite' as const),
    operations: fc.array(bulkSpec, { minLength: 1, maxLength: 4 }),
  }),
  fc.record({
    kind: fc.constant('aggregate' as const),
    pipeline: fc.constantFrom<PipelineSpec>(
      'lookup',
      'lookupPipeline',
      'unionWith',
      'unionWithString',
      'facet',
      'graphLookup',
      'group',
    ),
  }),
  fc.record({
    kind: fc.constant('attack' as const),
    attack: fc.constantFrom<AttackSpec>(
      'foreignTenantFilter',
      'tenantNotEqual',
      'foreignTenantInOr',
      'where',
      'setForeignTenant',
      'insertForeignTenant',
      'lookupForeignMatch',
      'expressionOnTenant',
    ),
  }),
);

const rawOperation: fc.Arbitrary<Operation> = fc.record({
  kind: fc.constant('raw' as const),
  path: fc.constantFrom('modelCollection' as const, 'connectionDb' as const),
  action: fc.constantFrom<RawAction>(
    'find',
    'count',
    'distinct',
    'updateMany',
    'deleteMany',
    'aggregate',
    'insertMany',
  ),
  filter: filterSpec,
  scoped: fc.boolean(),
});

const hookedOperation: fc.Arbitrary<Operation> = fc.record({
  kind: fc.constant('hooked' as const),
  action: fc.constantFrom<HookedAction>(
    'find',
    'count',
    'distinct',
    'updateMany',
    'softDeleteMany',
    'aggregate',
  ),
  filter: filterSpec,
});

/** Whether `error` is the command wall's refusal (thrown, or carried by the driver's bulk error). */
function isWallRefusal(error: unknown): boolean {
  if (error instanceof CrossTenantAccessException) return true;
  return (
    (error as { domainException?: unknown } | null)?.domainException instanceof CrossTenantAccessException
  );
}

/** Turns what the isolation plugin approved into a wider query: the tenant condition becomes an alternative. */
function widenFilter(this: Query<unknown, unknown>): void {
  const filter = this.getFilter();
  if (Array.isArray(filter['$and'])) this.setQuery({ $or: filter['$and'] });
}

describe('isolation property: tenant A can never read, change or count tenant B’s data', () => {
  const mongo = useTestMongo();
  const tenantA = testTenant('bank-a');
  const tenantB = testTenant('bank-b');
  let harness: IsolationHarness;
  let seeded: Map<string, SeededTenant>;
  let foreignIds: Set<string>;
  let snapshotOfB: unknown[];
  let executed = 0;
  let hookedRepository: ExamplePaymentRepository;

  const rawB = async (): Promise<unknown[]> => [
    ...(await mongo.db
      .collection(EXAMPLE_PAYMENT_COLLECTION)
      .find({ tenantId: tenantB.objectId })
      .sort({ _id: 1 })
      .toArray()),
    ...(await mongo.db
      .collection(EXAMPLE_CONTACT_COLLECTION)
      .find({ tenantId: tenantB.objectId })
      .sort({ _id: 1 })
      .toArray()),
  ];

  beforeAll(async () => {
    harness = await startIsolationHarness(mongo.uri);
    const hookedSchema = ExamplePaymentSchema.clone();
    hookedSchema.pre(['find', 'countDocuments', 'distinct', 'updateMany'], widenFilter);
    hookedSchema.pre('aggregate', function dropTenantMatch(this: Aggregate<unknown>) {
      this.pipeline().splice(0, 1, { $match: {} });
    });
    hookedRepository = new ExamplePaymentRepository(
      harness.connection.model<ExamplePayment>(
        'HookedExamplePayment',
        hookedSchema,
        EXAMPLE_PAYMENT_COLLECTION,
      ),
      harness.isolation,
    );
    seeded = await seedTenants(mongo.db, [tenantA, tenantB]);
    const b = seeded.get(tenantB.id) as SeededTenant;
    foreignIds = new Set([tenantB.id, ...b.paymentIds.map(String), ...b.contactIds.map(String)]);
    snapshotOfB = await rawB();
  });
  afterAll(async () => {
    await harness.close();
  });

  const idOf = (ref: IdRef): Types.ObjectId => {
    const ids = (seeded.get(ref.owner === 'A' ? tenantA.id : tenantB.id) as SeededTenant).paymentIds;
    return ids[ref.index % ids.length] as Types.ObjectId;
  };

  const filterOf = (spec: FilterSpec): Filter => {
    switch (spec.by) {
      case 'all':
        return {};
      case 'reference':
        return { reference: spec.value };
      case 'status':
        return { status: spec.value };
      case 'references':
        return { reference: trusted({ $in: spec.values }) };
      case 'amountAtLeast':
        return { amountMinor: trusted({ $gte: spec.value }) };
      case 'referenceOrStatus':
        return { $or: [{ reference: spec.reference }, { status: spec.status }] };
      case 'id':
        return { _id: idOf(spec.id) };
      case 'ids':
        return { _id: trusted({ $in: spec.ids.map(idOf) }) };
      case 'customer':
        return { customerRef: spec.value };
    }
  };

  const updateOf = (spec: UpdateSpec): Record<string, unknown> | Record<string, unknown>[] => {
    switch (spec.set) {
      case 'status':
        return { $set: { status: spec.value } };
      case 'inc':
        return { $inc: { amountMinor: spec.value } };
      case 'push':
        return { $push: { tags: spec.value } };
      case 'pipeline':
        return [{ $set: { status: spec.value } }];
    }
  };

  const payment = (ref: string) => ({
    reference: ref,
    amountMinor: 100,
    currency: 'EUR',
    status: 'PENDING',
    customerRef: 'C1',
    tags: [],
  });

  const pipelineOf = (spec: PipelineSpec): Record<string, unknown>[] => {
    switch (spec) {
      case 'lookup':
        return [
          {
            $lookup: {
              from: EXAMPLE_CONTACT_COLLECTION,
              localField: 'customerRef',
              foreignField: 'customerRef',
              as: 'contact',
            },
          },
        ];
      case 'lookupPipeline':
        return [
          {
            $lookup: {
              from: EXAMPLE_CONTACT_COLLECTION,
              let: { c: '$customerRef' },
              pipeline: [{ $match: { $expr: { $eq: ['$customerRef', '$$c'] } } }],
              as: 'contact',
            },
          },
        ];
      case 'unionWith':
        return [
          { $unionWith: { coll: EXAMPLE_CONTACT_COLLECTION, pipeline: [{ $match: { customerRef: 'C1' } }] } },
        ];
      case 'unionWithString':
        return [{ $unionWith: EXAMPLE_CONTACT_COLLECTION }];
      case 'facet':
        return [
          { $facet: { all: [{ $unionWith: EXAMPLE_PAYMENT_COLLECTION }], counted: [{ $count: 'n' }] } },
        ];
      case 'graphLookup':
        return [
          {
            $graphLookup: {
              from: EXAMPLE_CONTACT_COLLECTION,
              startWith: '$customerRef',
              connectFromField: 'referredBy',
              connectToField: 'customerRef',
              as: 'chain',
            },
          },
        ];
      case 'group':
        return [
          { $group: { _id: '$customerRef', ids: { $push: '$_id' }, tenants: { $addToSet: '$tenantId' } } },
        ];
    }
  };

  /** Runs an attack and demands the refusal. */
  const attack = async (spec: AttackSpec): Promise<void> => {
    const payments = harness.paymentRepository;
    const attempts: Record<AttackSpec, () => Promise<unknown>> = {
      foreignTenantFilter: () => payments.find({ tenantId: tenantB.objectId }),
      tenantNotEqual: () => payments.countDocuments({ tenantId: trusted({ $ne: tenantA.objectId }) }),
      foreignTenantInOr: () =>
        payments.updateMany(
          { $or: [{ reference: 'R1' }, { tenantId: tenantB.objectId }] },
          { $set: { status: 'X' } },
        ),
      where: () => payments.find({ $where: 'true' }),
      setForeignTenant: () => payments.updateMany({}, { $set: { tenantId: tenantB.objectId } }),
      insertForeignTenant: () => payments.create({ ...payment('EVIL'), tenantId: tenantB.objectId } as never),
      lookupForeignMatch: () =>
        payments.aggregate([
          {
            $lookup: {
              from: EXAMPLE_CONTACT_COLLECTION,
              pipeline: [{ $match: { tenantId: tenantB.objectId } }],
              as: 'x',
            },
          },
        ]),
      expressionOnTenant: () => payments.find({ $expr: { $ne: ['$tenantId', tenantA.objectId] } }),
    };
    await expect(attempts[spec]()).rejects.toBeInstanceOf(CrossTenantAccessException);
  };

  /** Nothing in a result may be tenant B's: no B `_id`, no B `tenantId`, anywhere in the structure. */
  const expectNothingOfB = (value: unknown, path = 'result'): void => {
    if (value instanceof Types.ObjectId) {
      if (foreignIds.has(value.toHexString())) throw new Error(`tenant B leaked at ${path}`);
      return;
    }
    if (Array.isArray(value)) value.forEach((item, index) => expectNothingOfB(item, `${path}[${index}]`));
    else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
      for (const [key, child] of Object.entries(value)) expectNothingOfB(child, `${path}.${key}`);
    }
  };

  const oracleCount = (filter: Filter): Promise<number> =>
    mongo.db
      .collection(EXAMPLE_PAYMENT_COLLECTION)
      .countDocuments({ $and: [filter, { tenantId: tenantA.objectId, deletedAt: null }] });

  /** A raw command scoped to A must pass and show nothing of B; one that is not must be refused by the wall. */
  const raw = async (op: Extract<Operation, { kind: 'raw' }>): Promise<void> => {
    const collection =
      op.path === 'modelCollection'
        ? harness.payments.collection
        : harness.connection.db!.collection(EXAMPLE_PAYMENT_COLLECTION);
    const filter = op.scoped
      ? { $and: [filterOf(op.filter), { tenantId: tenantA.objectId }] }
      : filterOf(op.filter);
    const owner = op.scoped ? tenantA : tenantB;
    const actions: Record<RawAction, () => Promise<unknown>> = {
      find: () => collection.find(filter).toArray(),
      count: async () => {
        const counted = await collection.countDocuments(filter);
        const oracle = await mongo.db.collection(EXAMPLE_PAYMENT_COLLECTION).countDocuments(filter);
        expect(counted).toBe(oracle);
        return counted;
      },
      distinct: () => collection.distinct('_id', filter),
      updateMany: () => collection.updateMany(filter, { $set: { status: 'RAW' } }),
      deleteMany: () => collection.deleteMany(filter),
      aggregate: () => collection.aggregate([{ $match: filter }]).toArray(),
      insertMany: () =>
        collection.insertMany([
          { ...payment(`RAW${executed}`), tenantId: owner.objectId, deletedAt: null },
          { ...payment(`RAW${executed}b`), tenantId: owner.objectId, deletedAt: null },
        ]),
    };
    try {
      expectNothingOfB(await actions[op.action]());
    } catch (error) {
      if (op.scoped || !isWallRefusal(error)) throw error;
      return;
    }
    if (!op.scoped) throw new Error(`an unscoped raw ${op.action} was sent`);
  };

  /** Every filter and pipeline of this repository is widened after the plugin: the wall must refuse them all. */
  const hooked = async (op: Extract<Operation, { kind: 'hooked' }>): Promise<void> => {
    const filter = filterOf(op.filter);
    const actions: Record<HookedAction, () => Promise<unknown>> = {
      find: () => hookedRepository.find(filter),
      count: () => hookedRepository.countDocuments(filter),
      distinct: () => hookedRepository.distinct('_id', filter),
      updateMany: () => hookedRepository.updateMany(filter, { $set: { status: 'HOOKED' } }),
      softDeleteMany: () => hookedRepository.softDeleteMany(filter),
      aggregate: () => hookedRepository.aggregate([{ $match: filter }]),
    };
    const outcome = await actions[op.action]().then(
      () => undefined,
      (error: unknown) => error,
    );
    if (!isWallRefusal(outcome)) throw outcome ?? new Error(`a widened ${op.action} was sent`);
  };

  const run = async (op: Operation): Promise<void> => {
    const payments = harness.paymentRepository;
    const tolerateDuplicate = async (work: () => Promise<unknown>): Promise<unknown> => {
      try {
        return await work();
      } catch (error) {
        // Unique per tenant: a collision with A's own reference is a legitimate outcome.
        if (isDuplicateKeyError(error)) return undefined;
        throw error;
      }
    };
    // An upsert whose filter names `_id` would choose the inserted document's id: refused (server-assigned ids).
    const choosesId = (filter: FilterSpec, upsert: boolean): boolean =>
      upsert && (filter.by === 'id' || filter.by === 'ids');
    const write = async (chosenId: boolean, work: () => Promise<unknown>): Promise<unknown> => {
      if (!chosenId) return tolerateDuplicate(work);
      await expect(work()).rejects.toBeInstanceOf(CrossTenantAccessException);
      return undefined;
    };
    switch (op.kind) {
      case 'find':
        return expectNothingOfB(await payments.find(filterOf(op.filter)));
      case 'findOne':
        return expectNothingOfB(await payments.findOne(filterOf(op.filter)));
      case 'findById': {
        const found = await payments.findById(idOf(op.id));
        expectNothingOfB(found);
        if (op.id.owner === 'B') expect(found).toBeNull();
        return;
      }
      case 'count':
        return expect(await payments.countDocuments(filterOf(op.filter))).toBe(
          await oracleCount(filterOf(op.filter)),
        );
      case 'distinct':
        return expectNothingOfB(await payments.distinct('_id', filterOf(op.filter)));
      case 'exists': {
        const exists = await payments.exists(filterOf(op.filter));
        return expect(exists).toBe((await oracleCount(filterOf(op.filter))) > 0);
      }
      case 'softDeleteMany':
        await payments.softDeleteMany(filterOf(op.filter));
        return;
      case 'restoreMany':
        await payments.restoreMany(filterOf(op.filter));
        return;
      case 'updateOne':
      case 'updateMany':
        await write(choosesId(op.filter, op.upsert), () =>
          payments[op.kind](filterOf(op.filter), updateOf(op.update), { upsert: op.upsert }),
        );
        return;
      case 'findOneAndUpdate':
        return expectNothingOfB(
          await write(choosesId(op.filter, op.upsert), () =>
            payments.findOneAndUpdate(filterOf(op.filter), updateOf(op.update), { upsert: op.upsert }),
          ),
        );
      case 'replaceOne':
        await write(choosesId(op.filter, op.upsert), () =>
          payments.replaceOne(filterOf(op.filter), payment(op.reference), { upsert: op.upsert }),
        );
        return;
      case 'create':
        return expectNothingOfB(await tolerateDuplicate(() => payments.create(payment(op.reference))));
      case 'bulkWrite':
        await write(
          op.operations.some((bulk) => bulk.kind === 'update' && choosesId(bulk.filter, bulk.upsert)),
          () =>
            payments.bulkWrite(
              op.operations.map((bulk) => {
                switch (bulk.kind) {
                  case 'insert':
                    return { insertOne: { document: payment(bulk.reference) } };
                  case 'update':
                    return {
                      [bulk.many ? 'updateMany' : 'updateOne']: {
                        filter: filterOf(bulk.filter),
                        update: updateOf(bulk.update),
                        upsert: bulk.upsert,
                      },
                    };
                  case 'delete':
                    return { deleteMany: { filter: filterOf(bulk.filter) } };
                  case 'replace':
                    return {
                      replaceOne: { filter: filterOf(bulk.filter), replacement: payment(bulk.reference) },
                    };
                }
              }),
            ),
        );
        return;
      case 'aggregate':
        return expectNothingOfB(await payments.aggregate(pipelineOf(op.pipeline)));
      case 'attack':
        return attack(op.attack);
      case 'raw':
        return raw(op);
      case 'hooked':
        return hooked(op);
    }
  };

  it(`holds for ${OPERATIONS} random operations`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(operation, rawOperation, hookedOperation), {
          minLength: SEQUENCE_LENGTH,
          maxLength: SEQUENCE_LENGTH,
        }),
        async (operations) => {
          for (const op of operations) {
            await asTenant(tenantA, () => run(op));
            executed += 1;
            // Nothing of B modified or deleted, nothing added to B, nothing left without a tenant.
            expect(await rawB()).toEqual(snapshotOfB);
          }
          const orphans = await mongo.db
            .collection(EXAMPLE_PAYMENT_COLLECTION)
            .countDocuments({ tenantId: { $nin: [tenantA.objectId, tenantB.objectId] } });
          expect(orphans).toBe(0);
        },
      ),
      { numRuns: Math.ceil(OPERATIONS / SEQUENCE_LENGTH), endOnFailure: true },
    );
    expect(executed).toBeGreaterThanOrEqual(OPERATIONS);
  }, 120_000);
});
