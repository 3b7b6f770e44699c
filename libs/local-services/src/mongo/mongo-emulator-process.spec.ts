import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';

import { MongoEmulatorProcess } from './mongo-emulator-process';

describe('MongoEmulatorProcess with a data folder', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'engine-process-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps every acknowledged write when the engine process is killed (SIGKILL) and started again', async () => {
    const engine = await MongoEmulatorProcess.start({ dataDir });
    const client = await MongoClient.connect(engine.uri);
    const payments = client.db('app').collection<{ _id: number; status: string }>('payments');
    await payments.createIndex({ status: 1 });
    for (let n = 0; n < 200; n++) await payments.insertOne({ _id: n, status: 'PENDING' });
    await payments.updateMany({ _id: { $lt: 50 } }, { $set: { status: 'SETTLED' } });
    await payments.deleteOne({ _id: 199 });
    const session = client.startSession();
    await session.withTransaction(async () => {
      await payments.insertOne({ _id: 1000, status: 'PENDING' }, { session });
      await payments.updateOne({ _id: 0 }, { $set: { status: 'REFUNDED' } }, { session });
    });
    await session.endSession();

    // stop() is SIGKILL: no snapshot, no flush, nothing but what the journal already holds.
    await engine.stop();
    await client.close();

    const restarted = await MongoEmulatorProcess.start({ dataDir });
    const again = await MongoClient.connect(restarted.uri);
    try {
      const recovered = again.db('app').collection<{ _id: number; status: string }>('payments');
      await expect(recovered.countDocuments()).resolves.toBe(200);
      await expect(recovered.countDocuments({ status: 'SETTLED' })).resolves.toBe(49);
      await expect(recovered.findOne({ _id: 0 })).resolves.toEqual({ _id: 0, status: 'REFUNDED' });
      await expect(recovered.findOne({ _id: 199 })).resolves.toBeNull();
      expect((await recovered.indexes()).map((index) => index.name)).toEqual(['_id_', 'status_1']);
    } finally {
      await again.close();
      await restarted.stop();
    }
  });
});
