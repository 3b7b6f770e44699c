import { useTestMongo } from '@tenantpay/testing';
import mongoose, { type Connection, type Model, Types } from 'mongoose';
import { AuditEventImmutableException } from '../src/audit-event-immutable.exception';
import {
  AUDIT_EVENT_COLLECTION,
  AUDIT_EVENT_MODEL,
  type AuditEventDocument,
  AuditEventSchema,
} from '../src/audit-event.schema';

/** The model-level guarantee, below the repository: no Mongoose path changes or removes a stored event. */
describe('AuditEvent model (append-only)', () => {
  const mongo = useTestMongo();
  let connection: Connection;
  let model: Model<AuditEventDocument>;
  let stored: AuditEventDocument;

  beforeAll(async () => {
    connection = await mongoose.createConnection(mongo.uri).asPromise();
    model = connection.model<AuditEventDocument>(AUDIT_EVENT_MODEL, AuditEventSchema);
    await model.init();
  });
  afterAll(async () => {
    await connection.close();
  });
  beforeEach(async () => {
    await mongo.db.collection(AUDIT_EVENT_COLLECTION).deleteMany({});
    const created = await model.create(anEvent());
    stored = created.toObject();
  });

  const storedNow = () => mongo.db.collection(AUDIT_EVENT_COLLECTION).findOne({ _id: stored._id });
  const byId = () => ({ _id: stored._id });
  const change = { $set: { outcome: 'failure' } };
  const replacement = { ...anEvent(), outcome: 'failure' as const };

  it('stores new events, one by one and in bulk', async () => {
    await model.insertMany([anEvent(), anEvent()]);
    await model.bulkWrite([{ insertOne: { document: anEvent() } }]);

    await expect(model.countDocuments()).resolves.toBe(4);
  });

  it.each([
    ['Model.updateOne', () => model.updateOne(byId(), change)],
    ['Model.updateMany', () => model.updateMany({}, change)],
    ['Model.findOneAndUpdate', () => model.findOneAndUpdate(byId(), change)],
    ['Model.findByIdAndUpdate', () => model.findByIdAndUpdate(stored._id, change)],
    ['Model.replaceOne', () => model.replaceOne(byId(), replacement)],
    ['Model.findOneAndReplace', () => model.findOneAndReplace(byId(), replacement)],
    ['Model.deleteOne', () => model.deleteOne(byId())],
    ['Model.deleteMany', () => model.deleteMany({})],
    ['Model.findOneAndDelete', () => model.findOneAndDelete(byId())],
    ['Model.findByIdAndDelete', () => model.findByIdAndDelete(stored._id)],
    ['Model.find().updateOne()', () => model.find(byId()).updateOne({}, change)],
    [
      'Model.bulkWrite with an update',
      () => model.bulkWrite([{ updateOne: { filter: byId(), update: change } }]),
    ],
    ['Model.bulkWrite with a delete', () => model.bulkWrite([{ deleteOne: { filter: byId() } }])],
    [
      'Model.bulkWrite mixing an insert and a delete',
      () => model.bulkWrite([{ insertOne: { document: anEvent() } }, { deleteMany: { filter: {} } }]),
    ],
  ])('refuses %s and leaves the event as it was', async (_operation, attempt) => {
    await expect(attempt()).rejects.toThrow(AuditEventImmutableException);

    await expect(storedNow()).resolves.toEqual(stored);
    await expect(model.countDocuments()).resolves.toBe(1);
  });

  it.each([
    [
      'document.save() after a change',
      async () => {
        const document = await model.findById(stored._id).orFail();
        document.outcome = 'failure';
        await document.save();
      },
    ],
    ['document.updateOne()', async () => (await model.findById(stored._id).orFail()).updateOne(change)],
    ['document.deleteOne()', async () => (await model.findById(stored._id).orFail()).deleteOne()],
  ])('refuses %s and leaves the event as it was', async (_operation, attempt) => {
    await expect(attempt()).rejects.toThrow(AuditEventImmutableException);

    await expect(storedNow()).resolves.toEqual(stored);
  });

  it('refuses fields the schema does not know instead of storing them silently', async () => {
    await expect(model.create(untyped({ ...anEvent(), extra: 'x' }))).rejects.toThrow(/not in schema/);
  });

  it('refuses an action that is not in the action list', async () => {
    await expect(model.create(untyped({ ...anEvent(), action: 'user.created_typo' }))).rejects.toThrow(
      /action/,
    );
  });

  it('has the indexes the searches need, each ending in the sort tie-breaker', async () => {
    const keys = (await mongo.db.collection(AUDIT_EVENT_COLLECTION).indexes()).map((index) => index.key);

    expect(keys).toEqual(
      expect.arrayContaining([
        { tenantId: 1, at: -1, _id: -1 },
        { at: -1, _id: -1 },
        { tenantId: 1, action: 1, at: -1, _id: -1 },
      ]),
    );
  });
});

function anEvent() {
  return {
    tenantId: new Types.ObjectId(),
    actor: { type: 'user' as const, id: 'user-1' },
    action: 'user.created' as const,
    resource: { type: 'user', id: 'user-2' },
    outcome: 'success' as const,
    ip: '203.0.113.7',
    requestId: 'req-1',
    at: new Date(),
    metadata: { role: 'VIEWER' },
  };
}

/** For attempts the types already forbid: they must also fail at run time. */
function untyped(document: Record<string, unknown>): Partial<AuditEventDocument> {
  return document as Partial<AuditEventDocument>;
}
