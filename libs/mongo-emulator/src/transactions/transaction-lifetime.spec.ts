import { MongoClient, type MongoServerError } from 'mongodb';
import { MongoEmulator } from '../index';

/**
 * Long enough that the conflict below is seen before the abandoned transaction expires even on a loaded
 * machine; the wait for its expiry polls rather than sleeping a fixed time.
 */
const LIFETIME_MS = 2_000;

describe('transaction lifetime limit (mongod transactionLifetimeLimitSeconds)', () => {
  let emulator: MongoEmulator;
  let client: MongoClient;

  beforeAll(async () => {
    emulator = await MongoEmulator.start({ transactionLifetimeLimitMs: LIFETIME_MS });
    client = await MongoClient.connect(emulator.uri);
  });
  afterAll(async () => {
    await client.close();
    await emulator.stop();
  });

  it('aborts a transaction its client abandoned, releasing the documents it wrote', async () => {
    const ledger = client.db('lifetime').collection<{ _id: string; balance: number }>('ledger');
    await ledger.insertOne({ _id: 'acct', balance: 100 });
    // A client that dies mid-transaction: it wrote, and will never commit, abort or end its session.
    const abandoned = client.startSession();
    abandoned.startTransaction();
    await ledger.updateOne({ _id: 'acct' }, { $inc: { balance: -10 } }, { session: abandoned });

    const writer = client.startSession();
    writer.startTransaction();
    const blocked = await ledger
      .updateOne({ _id: 'acct' }, { $inc: { balance: -20 } }, { session: writer })
      .catch((error: MongoServerError) => error);
    expect(blocked).toMatchObject({ codeName: 'WriteConflict' });
    await writer.abortTransaction();

    // Once the lifetime limit has passed, the abandoned transaction is aborted and its write released.
    const deadline = Date.now() + 20_000;
    for (;;) {
      writer.startTransaction();
      const outcome = await ledger
        .updateOne({ _id: 'acct' }, { $inc: { balance: -20 } }, { session: writer })
        .catch((error: MongoServerError) => error);
      if (!(outcome instanceof Error)) break;
      expect(outcome).toMatchObject({ codeName: 'WriteConflict' });
      await writer.abortTransaction();
      if (Date.now() > deadline) throw new Error('the abandoned transaction was never aborted');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await writer.commitTransaction();
    await writer.endSession();

    await expect(ledger.findOne({ _id: 'acct' })).resolves.toEqual({ _id: 'acct', balance: 80 });
    await expect(abandoned.commitTransaction()).rejects.toMatchObject({ codeName: 'NoSuchTransaction' });
    await abandoned.endSession();
  });
});
