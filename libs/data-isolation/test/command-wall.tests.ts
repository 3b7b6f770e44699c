import {
  CrossTenantAccessException,
  DATA_ISOLATION_AUDIT_ACTIONS,
  IsolationRule,
  type TenantOwnedFields,
  tenantOwnedSchema,
} from '../src';
import { useTestMongo } from '@tenantpay/testing';
import type { CommandStartedEvent } from 'mongodb';
import { type Aggregate, type Model, type Query, Types } from 'mongoose';
import { EXAMPLE_PAYMENT_COLLECTION } from './fixtures/example-payment.schema';
import {
  type IsolationHarness,
  startIsolationHarness,
  UNLISTED_COLLECTION,
} from './support/isolation-harness';
import { seedTenants } from './support/two-tenant-seed';
import { asPlatform, asTenant, testTenant, withoutTenant } from './support/test-tenants';

const BY_TENANT_AND_ID = { key: { tenantId: 1, _id: 1 }, reason: 'a test collection' } as const;

/** A support session as the identity library stores it, open until 2099. */
const OPEN_SESSION = {
  operatorId: 'p-1',
  reason: 'ticket',
  openedAt: new Date('2024-01-01T00:00:00Z'),
  expiresAt: new Date('2099-01-01T00:00:00Z'),
  endedAt: null,
  endedBy: null,
} as const;
const SESSION_OF_A = new Types.ObjectId();
const SESSION_OF_B = new Types.ObjectId();

/** A tenant-owned collection whose models carry a hook added after tenantOwnedSchema's isolation plugin. */
const HOOKED_COLLECTION = 'example_hooked_records';

interface HookedRecord extends TenantOwnedFields {
  reference: string;
}

/** The refusal a wall rejection carries (directly, or inside the driver's MongoBulkWriteError). */
async function wallRefusal(work: () => Promise<unknown>): Promise<CrossTenantAccessException> {
  const outcome = await work().then(
    () => new Error('the command was sent'),
    (error: unknown) => error,
  );
  const carried = (outcome as { domainException?: unknown } | null)?.domainException;
  const refusal = outcome instanceof CrossTenantAccessException ? outcome : carried;
  if (!(refusal instanceof CrossTenantAccessException)) throw outcome;
  return refusal;
}

/** Widens whatever the isolation plugin approved: the tenant condition becomes one alternative among others. */
function widen(this: Query<unknown, unknown>): void {
  this.setQuery({ $or: [this.getFilter(), { reference: 'shared' }] });
}

describe('MongoCommandWall (every command as sent, whichever path built it)', () => {
  const mongo = useTestMongo();
  const tenantA = testTenant('bank-a');
  const tenantB = testTenant('bank-b');
  let harness: IsolationHarness;
  let hooked: Model<HookedRecord>;
  let globallyHooked: Model<HookedRecord>;

  const paymentsOf = (tenant: typeof tenantA) =>
    mongo.db
      .collection(EXAMPLE_PAYMENT_COLLECTION)
      .find({ tenantId: tenant.objectId })
      .sort({ _id: 1 })
      .toArray();

  beforeAll(async () => {
    harness = await startIsolationHarness(mongo.uri);
    await seedTenants(mongo.db, [tenantA, tenantB]);

    const hookedSchema = tenantOwnedSchema<HookedRecord>(
      { reference: String },
      { collection: HOOKED_COLLECTION, shard: BY_TENANT_AND_ID },
    );
    hookedSchema.pre('find', widen);
    hookedSchema.pre('aggregate', function dropTenantMatch(this: Aggregate<unknown>) {
      this.pipeline().splice(0, 1, { $match: {} });
    });
    // After the plugin's bulkWrite check (which bulkSave runs too): moves every new document to tenant B.
    hookedSchema.pre('bulkWrite', function moveToTenantB(operations: unknown) {
      for (const operation of operations as { insertOne?: { document: Record<string, unknown> } }[]) {
        if (operation.insertOne !== undefined) operation.insertOne.document['tenantId'] = tenantB.objectId;
      }
    } as never);
    hooked = harness.connection.model<HookedRecord>('HookedRecord', hookedSchema);

    // A global plugin reaches every model compiled after it, after the schema's own plugins.
    harness.mongoose.plugin((schema) => schema.pre('find', widen));
    globallyHooked = harness.connection.model<HookedRecord>(
      'GloballyHookedRecord',
      tenantOwnedSchema<HookedRecord>(
        { reference: String },
        { collection: HOOKED_COLLECTION, shard: BY_TENANT_AND_ID },
      ),
    );
    await mongo.db.collection(HOOKED_COLLECTION).insertMany([
      { tenantId: tenantA.objectId, reference: 'own', deletedAt: null },
      { tenantId: tenantB.objectId, reference: 'shared', deletedAt: null },
    ]);
    await mongo.db.collection('audit_events').insertOne({ tenantId: tenantB.objectId, action: 'b.secret' });
    // Usage records keep the tenant id as a string, as the usage library writes them.
    await mongo.db.collection('usage_records').insertOne({ tenantId: tenantB.id, period: '2024-01' });
    await mongo.db.collection('support_sessions').insertMany([
      { _id: SESSION_OF_B, tenantId: tenantB.objectId, ...OPEN_SESSION },
      { _id: SESSION_OF_A, tenantId: tenantA.objectId, ...OPEN_SESSION },
    ]);
  });
  afterAll(async () => {
    await harness.close();
  });
  beforeEach(() => {
    harness.recorder.clear();
    harness.probe.clear();
  });

  describe('raw collections in a tenant context', () => {
    it('refuses Model.collection.find without the tenant and sends nothing', async () => {
      const refusal = await wallRefusal(() =>
        asTenant(tenantA, () => harness.payments.collection.find({}).toArray()),
      );
      expect(refusal.rule).toBe(IsolationRule.UnscopedOperation);
      expect(harness.probe.commands.filter((observed) => observed.name === 'find')).toEqual([]);
      expect(harness.recorder.events).toEqual([
        expect.objectContaining({
          action: DATA_ISOLATION_AUDIT_ACTIONS.crossTenantAttempt,
          outcome: 'denied',
          metadata: expect.objectContaining({
            tenantId: tenantA.id,
            rule: IsolationRule.UnscopedOperation,
            operation: 'find',
            collection: EXAMPLE_PAYMENT_COLLECTION,
          }),
        }),
      ]);
    });

    it('lets Model.collection.find through when it names exactly the own tenant', async () => {
      const found = await asTenant(tenantA, () =>
        harness.payments.collection.find({ tenantId: tenantA.objectId }).toArray(),
      );
      expect(found.map((document) => String(document['tenantId']))).toEqual(Array(5).fill(tenantA.id));
    });

    it('refuses Model.collection.updateMany of every tenant', async () => {
      const before = await paymentsOf(tenantB);
      await wallRefusal(() =>
        asTenant(tenantA, () => harness.payments.collection.updateMany({}, { $set: { status: 'HACKED' } })),
      );
      expect(await paymentsOf(tenantB)).toEqual(before);
    });

    it('refuses Model.collection.insertOne of another tenant’s or of no tenant’s document', async () => {
      const foreign = await wallRefusal(() =>
        asTenant(tenantA, () =>
          harness.payments.collection.insertOne({ tenantId: tenantB.objectId, reference: 'E' }),
        ),
      );
      expect(foreign.rule).toBe(IsolationRule.ForeignTenant);
      const orphan = await wallRefusal(() =>
        asTenant(tenantA, () => harness.payments.collection.insertOne({ reference: 'E' })),
      );
      expect(orphan.rule).toBe(IsolationRule.UnscopedOperation);
      expect(await mongo.db.collection(EXAMPLE_PAYMENT_COLLECTION).countDocuments({ reference: 'E' })).toBe(
        0,
      );
    });

    it('refuses Model.collection.aggregate without the tenant $match first', async () => {
      await wallRefusal(() =>
        asTenant(tenantA, () => harness.payments.collection.aggregate([{ $match: {} }]).toArray()),
      );
    });

    it('refuses connection.db.collection(...) reads and deletes of every tenant', async () => {
      const db = () => harness.connection.db!.collection(EXAMPLE_PAYMENT_COLLECTION);
      await wallRefusal(() => asTenant(tenantA, () => db().find({ reference: 'R1' }).toArray()));
      await wallRefusal(() => asTenant(tenantA, () => db().deleteMany({ reference: 'R1' })));
      await wallRefusal(() => asTenant(tenantA, () => db().countDocuments({})));
      await wallRefusal(() => asTenant(tenantA, () => db().estimatedDocumentCount()));
      await wallRefusal(() => asTenant(tenantA, () => db().distinct('reference', {})));
      await wallRefusal(() =>
        asTenant(tenantA, () => db().findOneAndUpdate({ reference: 'R1' }, { $set: { status: 'HACKED' } })),
      );
      expect((await paymentsOf(tenantB)).map((payment) => payment['status'])).not.toContain('HACKED');
    });

    it('refuses a change stream, which would carry every tenant’s changes', async () => {
      await wallRefusal(() =>
        asTenant(tenantA, async () => {
          const stream = harness.payments.collection.watch([]);
          try {
            return await stream.tryNext();
          } finally {
            await stream.close();
          }
        }),
      );
    });
  });

  describe('command monitoring', () => {
    it('refuses a command a commandStarted listener changed after the wall judged it', async () => {
      const client = harness.connection.getClient();
      const retarget = (event: CommandStartedEvent): void => {
        const filter = event.command['filter'] as Record<string, unknown> | undefined;
        if (event.commandName === 'find' && filter?.['reference'] === 'retarget')
          filter['tenantId'] = tenantB.objectId;
      };
      client.on('commandStarted', retarget);
      try {
        const refusal = await wallRefusal(() =>
          asTenant(tenantA, () =>
            harness.payments.collection.find({ tenantId: tenantA.objectId, reference: 'retarget' }).toArray(),
          ),
        );
        expect(refusal.rule).toBe(IsolationRule.ForeignTenant);
      } finally {
        client.off('commandStarted', retarget);
      }
    });
  });

  describe('bulk paths', () => {
    it('refuses Model.collection.bulkWrite with an unscoped delete', async () => {
      const before = await paymentsOf(tenantB);
      await wallRefusal(() =>
        asTenant(tenantA, () => harness.payments.collection.bulkWrite([{ deleteMany: { filter: {} } }])),
      );
      expect(await paymentsOf(tenantB)).toEqual(before);
    });

    it('refuses insertMany of another tenant’s documents (judged from the bytes the batch will send)', async () => {
      const refusal = await wallRefusal(() =>
        asTenant(tenantA, () =>
          harness.payments.collection.insertMany([
            { tenantId: tenantA.objectId, reference: 'M1' },
            { tenantId: tenantB.objectId, reference: 'M2' },
          ]),
        ),
      );
      expect(refusal.rule).toBe(IsolationRule.ForeignTenant);
      expect(await mongo.db.collection(EXAMPLE_PAYMENT_COLLECTION).countDocuments({ reference: /^M/ })).toBe(
        0,
      );
    });

    it('refuses bulkSave of a new document a later pre(bulkWrite) hook moved to tenant B', async () => {
      await wallRefusal(() =>
        asTenant(tenantA, () =>
          hooked.bulkSave([new hooked({ tenantId: tenantA.objectId, reference: 'moved' })]),
        ),
      );
      expect(await mongo.db.collection(HOOKED_COLLECTION).countDocuments({ reference: 'moved' })).toBe(0);
    });

    it('refuses an upsert whose filter names the own tenant and, under $and, another', async () => {
      const refusal = await wallRefusal(() =>
        asTenant(tenantA, () =>
          harness.payments
            .updateOne(
              { $and: [{ tenantId: tenantA.objectId }, { tenantId: tenantB.objectId }] },
              { $set: { status: 'HACKED' } },
              { upsert: true },
            )
            .exec(),
        ),
      );
      expect(refusal.rule).toBe(IsolationRule.ForeignTenant);
    });
  });

  describe('hooks that run after the isolation plugin', () => {
    it('refuses a find widened by a pre(find) hook registered after tenantOwnedSchema', async () => {
      await wallRefusal(() => asTenant(tenantA, () => hooked.find({ tenantId: tenantA.objectId }).exec()));
    });

    it('refuses an aggregate whose tenant $match a pre(aggregate) hook removed', async () => {
      await wallRefusal(() =>
        asTenant(tenantA, () => hooked.aggregate([{ $match: { tenantId: tenantA.objectId } }]).exec()),
      );
    });

    it('refuses a find widened by a global mongoose.plugin', async () => {
      await wallRefusal(() =>
        asTenant(tenantA, () => globallyHooked.find({ tenantId: tenantA.objectId }).exec()),
      );
    });
  });

  describe('joins', () => {
    const joins: Record<string, Record<string, unknown>> = {
      '$unionWith into audit_events': { $unionWith: { coll: 'audit_events', pipeline: [] } },
      '$lookup into usage_records': { $lookup: { from: 'usage_records', pipeline: [], as: 'usage' } },
      '$graphLookup into audit_events': {
        $graphLookup: {
          from: 'audit_events',
          startWith: '$customerRef',
          connectFromField: 'action',
          connectToField: 'action',
          as: 'events',
        },
      },
    };
    it.each(Object.keys(joins))('refuses %s from a tenant model', async (name) => {
      const refusal = await wallRefusal(() =>
        asTenant(tenantA, () =>
          harness.payments
            .aggregate([{ $match: { tenantId: tenantA.objectId } }, joins[name] as never])
            .exec(),
        ),
      );
      expect(refusal.rule).toBe(IsolationRule.CollectionNotAllowed);
    });
  });

  describe('platform-owned collections keyed by tenant (audit events, usage records)', () => {
    const raw = (collection: string) => harness.connection.db!.collection(collection);

    it.each<[string, () => Promise<unknown>]>([
      ['find naming tenant B', () => raw('audit_events').find({ tenantId: tenantB.objectId }).toArray()],
      ['find naming nobody', () => raw('audit_events').find({ action: 'b.secret' }).toArray()],
      ['find by hex spelling of B', () => raw('usage_records').find({ tenantId: tenantB.id }).toArray()],
      [
        'find with B as one alternative',
        () =>
          raw('audit_events')
            .find({ $or: [{ tenantId: tenantA.objectId }, { tenantId: tenantB.objectId }] })
            .toArray(),
      ],
      ['count of everyone', () => raw('usage_records').countDocuments({})],
      ['distinct over everyone', () => raw('audit_events').distinct('action', {})],
      [
        'aggregate without the tenant $match',
        () =>
          raw('usage_records')
            .aggregate([{ $match: {} }])
            .toArray(),
      ],
      [
        'update of B’s record',
        () => raw('usage_records').updateOne({ tenantId: tenantB.id, period: '2024-01' }, { $set: { x: 1 } }),
      ],
      ['delete of everyone’s events', () => raw('audit_events').deleteMany({})],
      [
        'insert stamped with B',
        () => raw('audit_events').insertOne({ tenantId: tenantB.objectId, action: 'x' }),
      ],
      [
        'an upsert moving a record to B',
        () =>
          raw('usage_records').updateOne(
            { tenantId: tenantA.id, period: '2024-02' },
            { $set: { tenantId: tenantB.id } },
            { upsert: true },
          ),
      ],
    ])('refuses %s from tenant A’s context and sends nothing', async (_, attack) => {
      await wallRefusal(() => asTenant(tenantA, attack));
      const sent = harness.probe.commands.filter((observed) =>
        ['audit_events', 'usage_records'].includes(observed.collection ?? ''),
      );
      expect(sent).toEqual([]);
      expect(await mongo.db.collection('audit_events').countDocuments({ tenantId: tenantB.objectId })).toBe(
        1,
      );
      expect(await mongo.db.collection('usage_records').findOne({ tenantId: tenantB.id })).toMatchObject({
        period: '2024-01',
      });
    });

    it('lets a tenant context read and write its own documents, and record a platform event', async () => {
      await asTenant(tenantA, async () => {
        await raw('audit_events').insertOne({ tenantId: tenantA.objectId, action: 'a' });
        await raw('audit_events').insertOne({ tenantId: null, action: 'platform.route_on_tenant_host' });
        const own = await raw('audit_events')
          .find({ $and: [{ tenantId: tenantA.objectId }, { action: 'a' }] })
          .toArray();
        expect(own).toHaveLength(1);
        await raw('usage_records').updateOne(
          { tenantId: tenantA.id, period: '2024-01' },
          { $max: { api_calls: 3 }, $setOnInsert: { closedAt: null } },
          { upsert: true },
        );
        expect(await raw('usage_records').findOne({ tenantId: tenantA.id, period: '2024-01' })).toMatchObject(
          {
            api_calls: 3,
          },
        );
        expect(
          await raw('usage_records')
            .aggregate([{ $match: { tenantId: tenantA.id } }, { $count: 'n' }])
            .toArray(),
        ).toEqual([{ n: 1 }]);
      });
    });

    it('leaves the platform scope reading every tenant’s documents', async () => {
      const all = await asPlatform('wall test', () => raw('usage_records').find({}).toArray());
      expect(all.length).toBeGreaterThanOrEqual(1);
    });
  });

  describe('support sessions (platform-owned, keyed by tenant by ObjectId)', () => {
    const raw = () => harness.connection.db!.collection('support_sessions');
    const later = new Date('2100-01-01T00:00:00Z');

    it.each<[string, () => Promise<unknown>]>([
      ['find of B’s sessions', () => raw().find({ tenantId: tenantB.objectId }).toArray()],
      ['find of every open session', () => raw().find({ endedAt: null }).toArray()],
      ['find of B’s session by id', () => raw().findOne({ _id: SESSION_OF_B })],
      ['count of everyone’s sessions', () => raw().countDocuments({})],
      ['extending B’s session', () => raw().updateOne({ _id: SESSION_OF_B }, { $set: { expiresAt: later } })],
      [
        'extending B’s session naming B',
        () => raw().updateOne({ tenantId: tenantB.objectId }, { $set: { expiresAt: later } }),
      ],
      [
        'ending B’s session',
        () => raw().findOneAndUpdate({ _id: SESSION_OF_B }, { $set: { endedAt: later, endedBy: 'a' } }),
      ],
      [
        'forging a session into B',
        () => raw().insertOne({ tenantId: tenantB.objectId, ...OPEN_SESSION, operatorId: 'p-forged' }),
      ],
      [
        'moving A’s session to B',
        () =>
          raw().updateOne(
            { tenantId: tenantA.objectId, _id: SESSION_OF_A },
            { $set: { tenantId: tenantB.objectId } },
          ),
      ],
      ['deleting every session', () => raw().deleteMany({})],
      [
        'aggregate over everyone’s sessions',
        () =>
          raw()
            .aggregate([{ $match: { endedAt: null } }])
            .toArray(),
      ],
    ])('refuses %s from tenant A’s context and sends nothing', async (_, attack) => {
      await wallRefusal(() => asTenant(tenantA, attack));
      expect(harness.probe.commands.filter((observed) => observed.collection === 'support_sessions')).toEqual(
        [],
      );
      expect(
        await mongo.db.collection('support_sessions').find({ tenantId: tenantB.objectId }).toArray(),
      ).toEqual([{ _id: SESSION_OF_B, tenantId: tenantB.objectId, ...OPEN_SESSION }]);
      expect(await mongo.db.collection('support_sessions').findOne({ _id: SESSION_OF_A })).toMatchObject({
        tenantId: tenantA.objectId,
      });
    });

    it('lets a tenant context list and end its own sessions', async () => {
      await asTenant(tenantA, async () => {
        const own = await raw().find({ tenantId: tenantA.objectId, endedAt: null }).toArray();
        expect(own.map((session) => session._id)).toEqual([SESSION_OF_A]);
        const ended = await raw().findOneAndUpdate(
          { _id: SESSION_OF_A, tenantId: tenantA.objectId, endedAt: null },
          { $set: { endedAt: new Date(), endedBy: 'admin-of-bank-a' } },
          { returnDocument: 'after' },
        );
        expect(ended?.['endedBy']).toBe('admin-of-bank-a');
      });
    });
  });

  describe('cursors', () => {
    it('refuses a getMore of a cursor opened in tenant B’s context continued in A’s', async () => {
      const cursor = asTenant(tenantB, () =>
        harness.payments.collection.find({ tenantId: tenantB.objectId }, { batchSize: 1 }),
      );
      const first = await asTenant(tenantB, () => cursor.next());
      expect(String(first?.['tenantId'])).toBe(tenantB.id);
      const refusal = await wallRefusal(() => asTenant(tenantA, () => cursor.next()));
      expect(refusal.rule).toBe(IsolationRule.ForeignCursor);
      await asTenant(tenantB, () => cursor.close());
    });

    it('lets the context that opened a cursor page through it', async () => {
      const all = await asTenant(tenantA, () =>
        harness.payments.collection.find({ tenantId: tenantA.objectId }, { batchSize: 2 }).toArray(),
      );
      expect(all).toHaveLength(5);
    });
  });

  describe('scopes', () => {
    it('refuses a tenant-owned command outside any context and from a public request', async () => {
      await wallRefusal(() => harness.payments.collection.find({}).toArray());
      await wallRefusal(() => withoutTenant(() => harness.payments.collection.find({}).toArray()));
      await wallRefusal(() =>
        harness.connection
          .db!.collection('audit_events')
          .aggregate([{ $lookup: { from: EXAMPLE_PAYMENT_COLLECTION, pipeline: [], as: 'p' } }])
          .toArray(),
      );
    });

    it('lets the platform scope read across tenants', async () => {
      const all = await asPlatform('wall test', () => harness.payments.collection.find({}).toArray());
      expect(new Set(all.map((document) => String(document['tenantId'])))).toEqual(
        new Set([tenantA.id, tenantB.id]),
      );
    });

    it('refuses an unregistered collection from a tenant context, not outside one', async () => {
      const refusal = await wallRefusal(() =>
        asTenant(tenantA, () => harness.connection.db!.collection(UNLISTED_COLLECTION).find({}).toArray()),
      );
      expect(refusal.rule).toBe(IsolationRule.CollectionNotAllowed);
      expect(await harness.connection.db!.collection(UNLISTED_COLLECTION).find({}).toArray()).toHaveLength(1);
    });

    it('keeps index builds outside any context and transactions inside one working', async () => {
      await harness.payments.createIndexes();
      await asTenant(tenantA, async () => {
        const session = await harness.connection.startSession();
        try {
          await session.withTransaction(() =>
            harness.payments.collection.insertOne(
              { tenantId: tenantA.objectId, reference: 'TX1', deletedAt: null },
              { session },
            ),
          );
        } finally {
          await session.endSession();
        }
      });
      expect(await mongo.db.collection(EXAMPLE_PAYMENT_COLLECTION).countDocuments({ reference: 'TX1' })).toBe(
        1,
      );
    });
  });
});
