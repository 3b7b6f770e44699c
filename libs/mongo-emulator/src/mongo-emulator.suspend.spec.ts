import { MongoClient } from 'mongodb';
import { MongoEmulator } from './index';

describe('MongoEmulator.suspend', () => {
  let emulator: MongoEmulator;
  let client: MongoClient;

  beforeAll(async () => {
    emulator = await MongoEmulator.start();
    client = await MongoClient.connect(emulator.uri, { serverSelectionTimeoutMS: 500 });
  });

  afterAll(async () => {
    await client.close();
    await emulator.stop();
  });

  it('fails connected clients until resume(), then serves the same data on the same port', async () => {
    const payments = client.db('suspend').collection('payments');
    await payments.insertOne({ reference: 'kept' });

    await emulator.suspend();
    await expect(payments.findOne({ reference: 'kept' })).rejects.toThrow();

    await emulator.resume();
    // The driver finds the server again at its next heartbeat; how soon depends on the machine, so the read is
    // retried (each attempt still fails within the short selection timeout) until it answers.
    const deadline = Date.now() + 20_000;
    let found: unknown;
    for (;;) {
      found = await payments.findOne({ reference: 'kept' }).catch((error: unknown) => error);
      if (!(found instanceof Error) || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(found).toMatchObject({ reference: 'kept' });
  });
});
