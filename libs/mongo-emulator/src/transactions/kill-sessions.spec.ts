import { MongoClient } from 'mongodb';
import { MongoEmulator } from '../index';

describe('killSessions (as mongod)', () => {
  let emulator: MongoEmulator;
  let client: MongoClient;

  beforeAll(async () => {
    // The default 60 s lifetime: only the kill can free the document within the test.
    emulator = await MongoEmulator.start();
    client = await MongoClient.connect(emulator.uri);
  });
  afterAll(async () => {
    await client.close();
    await emulator.stop();
  });

  it("aborts the killed session's open transaction at once, so a writer it blocked proceeds", async () => {
    const ledger = client.db('kill').collection<{ _id: string; balance: number }>('ledger');
    await ledger.insertOne({ _id: 'acct', balance: 100 });
    const abandoned = client.startSession();
    abandoned.startTransaction();
    await ledger.updateOne({ _id: 'acct' }, { $inc: { balance: -10 } }, { session: abandoned });
    // A write outside transactions waits for the transaction that wrote the document.
    const waiting = ledger.updateOne({ _id: 'acct' }, { $inc: { balance: -20 } });

    await client.db('admin').command({ killSessions: [abandoned.id] });

    await waiting;
    await expect(ledger.findOne({ _id: 'acct' })).resolves.toEqual({ _id: 'acct', balance: 80 });
    await expect(abandoned.commitTransaction()).rejects.toMatchObject({ codeName: 'NoSuchTransaction' });
    await abandoned.endSession();
  });

  it('ignores sessions it does not know', async () => {
    const unknown = client.startSession();
    await expect(client.db('admin').command({ killSessions: [unknown.id] })).resolves.toMatchObject({
      ok: 1,
    });
    await unknown.endSession();
  });
});
