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
    await expect(payments.findOne({ reference: 'kept' })).resolves.toMatchObject({ reference: 'kept' });
  });
});
