import mongoose, { type Connection, Schema, Types } from 'mongoose';

import { useTestMongo } from '@tenantpay/testing';

const mongo = useTestMongo();

interface Customer {
  tenantId: string;
  email: string;
  name: string;
  credits: number;
}

const customerSchema = new Schema<Customer>(
  {
    tenantId: { type: String, required: true },
    email: { type: String, required: true },
    name: { type: String, required: true },
    credits: { type: Number, default: 0 },
  },
  { strictQuery: true },
);
customerSchema.index({ tenantId: 1, email: 1 }, { unique: true });
customerSchema.virtual('label').get(function label() {
  return `${this.name} <${this.email}>`;
});

let connection: Connection;
const Customers = () => connection.model<Customer>('Customer', customerSchema);
const LooseCustomers = () =>
  connection.model<Customer>('LooseCustomer', customerSchema.clone().set('strictQuery', false), 'customers');

beforeAll(async () => {
  connection = await mongoose.createConnection(mongo.uri).asPromise();
  await Customers().init();
});
beforeEach(async () => {
  await Customers().deleteMany({});
});
afterAll(async () => {
  await connection.close();
});

describe('Mongoose models', () => {
  it('create, find, update and delete documents in the connection database', async () => {
    const created = await Customers().create({ tenantId: 't1', email: 'a@x.io', name: 'Ada' });

    expect(created._id).toBeInstanceOf(Types.ObjectId);
    expect(created.credits).toBe(0);
    await expect(mongo.db.collection('customers').countDocuments()).resolves.toBe(1);

    const found = await Customers().findById(created._id).orFail();
    expect(found.name).toBe('Ada');

    await Customers().updateOne({ _id: created._id }, { $inc: { credits: 5 } });
    found.name = 'Ada L.';
    await found.save();
    const reloaded = await Customers().findOne({ email: 'a@x.io' });
    expect(reloaded?.toObject()).toMatchObject({ name: 'Ada L.', credits: 5 });

    await Customers().deleteOne({ _id: created._id });
    await expect(Customers().countDocuments()).resolves.toBe(0);
  });

  it('build the schema indexes on init()', async () => {
    const indexes = await mongo.db.collection('customers').listIndexes().toArray();

    expect(indexes).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: { tenantId: 1, email: 1 }, unique: true })]),
    );
  });

  it('surface a unique index violation as the driver error with code 11000', async () => {
    await Customers().create({ tenantId: 't1', email: 'a@x.io', name: 'Ada' });
    await Customers().create({ tenantId: 't2', email: 'a@x.io', name: 'Ada elsewhere' });

    await expect(
      Customers().create({ tenantId: 't1', email: 'a@x.io', name: 'Ada again' }),
    ).rejects.toMatchObject({
      name: 'MongoServerError',
      code: 11000,
      keyValue: { tenantId: 't1', email: 'a@x.io' },
    });
  });

  it('lean() returns plain objects without document methods or virtuals', async () => {
    await Customers().create({ tenantId: 't1', email: 'a@x.io', name: 'Ada' });

    const lean = await Customers().findOne({ email: 'a@x.io' }).lean();
    const hydrated = await Customers().findOne({ email: 'a@x.io' });

    expect(lean).not.toBeInstanceOf(mongoose.Document);
    expect(lean?._id).toBeInstanceOf(Types.ObjectId);
    expect(lean).toEqual({
      _id: lean?._id,
      tenantId: 't1',
      email: 'a@x.io',
      name: 'Ada',
      credits: 0,
      __v: 0,
    });
    expect(lean).not.toHaveProperty('label');
    expect(hydrated?.get('label')).toBe('Ada <a@x.io>');
  });
});

describe('Mongoose strictQuery', () => {
  beforeEach(async () => {
    await Customers().create([
      { tenantId: 't1', email: 'a@x.io', name: 'Ada' },
      { tenantId: 't1', email: 'b@x.io', name: 'Bob' },
    ]);
    await mongo.db.collection('customers').updateOne({ email: 'b@x.io' }, { $set: { legacyFlag: true } });
  });

  it('strips filter paths that are not in the schema when strictQuery is true', async () => {
    await expect(Customers().countDocuments({ legacyFlag: true })).resolves.toBe(2);
  });

  it('sends unknown filter paths to the server when strictQuery is false', async () => {
    await expect(LooseCustomers().countDocuments({ legacyFlag: true })).resolves.toBe(1);
  });
});

describe('Mongoose transactions', () => {
  it('connection.transaction() commits every write of the callback', async () => {
    await connection.transaction(async (session) => {
      await Customers().create([{ tenantId: 't1', email: 'a@x.io', name: 'Ada' }], { session });
      await Customers().create([{ tenantId: 't1', email: 'b@x.io', name: 'Bob' }], { session });
      await expect(Customers().countDocuments().session(session)).resolves.toBe(2);
      await expect(mongo.db.collection('customers').countDocuments()).resolves.toBe(0);
    });

    await expect(Customers().countDocuments()).resolves.toBe(2);
  });

  it('connection.transaction() aborts when the callback throws', async () => {
    const failure = connection.transaction(async (session) => {
      await Customers().create([{ tenantId: 't1', email: 'a@x.io', name: 'Ada' }], { session });
      throw new Error('business rule failed');
    });

    await expect(failure).rejects.toThrow('business rule failed');
    await expect(Customers().countDocuments()).resolves.toBe(0);
  });

  it('connection.transaction() aborts on a unique index violation inside it', async () => {
    await Customers().create({ tenantId: 't1', email: 'a@x.io', name: 'Ada' });

    const failure = connection.transaction(async (session) => {
      await Customers().create([{ tenantId: 't1', email: 'new@x.io', name: 'New' }], { session });
      await Customers().create([{ tenantId: 't1', email: 'a@x.io', name: 'Dup' }], { session });
    });

    await expect(failure).rejects.toMatchObject({ code: 11000 });
    await expect(Customers().countDocuments()).resolves.toBe(1);
  });
});
