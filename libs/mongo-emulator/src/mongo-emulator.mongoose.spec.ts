import mongoose, { Schema, Types, type Connection, type Model } from 'mongoose';
import { MongoEmulator } from './index';

interface Account {
  tenantId: string;
  email: string;
  balance: Types.Decimal128;
  tags: string[];
}

const accountSchema = new Schema<Account>(
  {
    tenantId: { type: String, required: true },
    email: { type: String, required: true },
    balance: { type: Schema.Types.Decimal128, default: () => Types.Decimal128.fromString('0') },
    tags: [String],
  },
  { timestamps: true },
);
accountSchema.index({ tenantId: 1, email: 1 }, { unique: true });

describe('MongoEmulator with Mongoose', () => {
  let emulator: MongoEmulator;
  let connection: Connection;

  beforeAll(async () => {
    emulator = await MongoEmulator.start();
    connection = await mongoose.createConnection(emulator.uri, { dbName: 'mongoose_smoke' }).asPromise();
  });

  afterAll(async () => {
    await connection.close();
    await emulator.stop();
  });

  const model = (): Model<Account> =>
    (connection.models['Account'] as Model<Account> | undefined) ??
    connection.model<Account>('Account', accountSchema);

  it('creates, queries, updates and counts documents', async () => {
    const Accounts = model();
    await Accounts.init();
    await Accounts.create({ tenantId: 't1', email: 'a@x.io', tags: ['vip'] });
    await Accounts.create({ tenantId: 't1', email: 'b@x.io' });

    await Accounts.updateOne(
      { email: 'a@x.io' },
      { $inc: { balance: Types.Decimal128.fromString('12.34') } },
    );
    const found = await Accounts.findOne({ tenantId: 't1', tags: 'vip' }).lean();
    const count = await Accounts.countDocuments({ tenantId: 't1' });
    const rich = await Accounts.find({ balance: { $gt: Types.Decimal128.fromString('10') } }).lean();

    expect(found?.balance.toString()).toBe('12.34');
    expect(count).toBe(2);
    expect(rich.map((account) => account.email)).toEqual(['a@x.io']);
  });

  it('builds the schema indexes and rejects duplicates with E11000', async () => {
    const Accounts = model();
    await Accounts.init();
    const indexes = await Accounts.listIndexes();

    await expect(Accounts.create({ tenantId: 't1', email: 'a@x.io' })).rejects.toMatchObject({
      code: 11000,
      keyValue: { tenantId: 't1', email: 'a@x.io' },
    });
    expect(indexes.map((index) => index['name'])).toEqual(['_id_', 'tenantId_1_email_1']);
  });

  it('upserts with findOneAndUpdate and returns the new document', async () => {
    const Accounts = model();

    const created = await Accounts.findOneAndUpdate(
      { tenantId: 't2', email: 'c@x.io' },
      { $setOnInsert: { tags: ['new'] } },
      { upsert: true, returnDocument: 'after' },
    ).lean();

    expect(created).toMatchObject({ tenantId: 't2', email: 'c@x.io', tags: ['new'] });
  });

  it('commits and aborts transactions through connection.transaction', async () => {
    const Accounts = model();

    await connection.transaction(async (session) => {
      await Accounts.create([{ tenantId: 't3', email: 'd@x.io' }], { session });
    });
    await expect(
      connection.transaction(async (session) => {
        await Accounts.create([{ tenantId: 't3', email: 'e@x.io' }], { session });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');

    await expect(Accounts.countDocuments({ tenantId: 't3' })).resolves.toBe(1);
  });

  it('aggregates with $group and $lookup', async () => {
    const Accounts = model();
    const Transfers = connection.model(
      'Transfer',
      new Schema({ tenantId: String, email: String, amount: Number }),
    );
    await Transfers.create([
      { tenantId: 't1', email: 'a@x.io', amount: 5 },
      { tenantId: 't1', email: 'a@x.io', amount: 6 },
    ]);

    const totals = await Accounts.aggregate<{ _id: string; count: number }>([
      { $match: { tenantId: { $in: ['t1', 't2'] } } },
      { $group: { _id: '$tenantId', count: { $sum: 1 } } },
      { $sort: { _id: 1 } },
    ]);
    const joined = await Accounts.aggregate<{ email: string; transferred: number }>([
      { $match: { email: 'a@x.io' } },
      { $lookup: { from: 'transfers', localField: 'email', foreignField: 'email', as: 'transfers' } },
      { $project: { _id: 0, email: 1, transferred: { $sum: '$transfers.amount' } } },
    ]);

    expect(totals).toEqual([
      { _id: 't1', count: 2 },
      { _id: 't2', count: 1 },
    ]);
    expect(joined).toEqual([{ email: 'a@x.io', transferred: 11 }]);
  });
});
