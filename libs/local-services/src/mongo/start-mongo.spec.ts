import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';

import { startMongo } from './start-mongo';

describe('startMongo', () => {
  it('uses a given URI as is, logging one line without the password', async () => {
    const log = jest.fn();

    const mongo = await startMongo({ uri: 'mongodb://app:s3cret@db.internal:27017/?replicaSet=rs0', log });

    expect(mongo.kind).toBe('uri');
    expect(mongo.uri).toBe('mongodb://app:s3cret@db.internal:27017/?replicaSet=rs0');
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]?.[0]).toContain('app:***@db.internal');
    expect(log.mock.calls[0]?.[0]).not.toContain('s3cret');
    await mongo.stop();
  });

  it('refuses a forced "uri" engine without a URI', async () => {
    await expect(startMongo({ engine: 'uri', log: jest.fn() })).rejects.toThrow(/no URI was given/);
  });

  it('starts the emulator when forced, even if a URI is given, and says why', async () => {
    const log = jest.fn();

    const mongo = await startMongo({ engine: 'emulator', uri: 'mongodb://unused:1', dataDir: '/tmp/x', log });

    try {
      expect(mongo.kind).toBe('emulator');
      const client = await MongoClient.connect(mongo.uri);
      await expect(client.db('admin').command({ ping: 1 })).resolves.toMatchObject({ ok: 1 });
      await client.close();
      expect(log).toHaveBeenCalledTimes(1);
      expect(log.mock.calls[0]?.[0]).toMatch(/emulator .*engine forced to "emulator".*in memory only/);
      expect(mongo.persistent).toBe(false);
    } finally {
      await mongo.stop();
    }
  });

  it("keeps the emulator's data in emulatorDataDir from one start to the next", async () => {
    const emulatorDataDir = mkdtempSync(join(tmpdir(), 'start-mongo-'));
    try {
      const first = await startMongo({ engine: 'emulator', emulatorDataDir, log: jest.fn() });
      expect(first.persistent).toBe(true);
      const writer = await MongoClient.connect(first.uri);
      await writer.db('app').collection('tenants').insertOne({ slug: 'first-bank' });
      await writer.close();
      await first.stop();

      const log = jest.fn();
      const second = await startMongo({ engine: 'emulator', emulatorDataDir, log });
      const reader = await MongoClient.connect(second.uri);
      await expect(reader.db('app').collection('tenants').countDocuments()).resolves.toBe(1);
      await reader.close();
      await second.stop();
      expect(log.mock.calls[0]?.[0]).toContain(`data kept in ${emulatorDataDir}`);
    } finally {
      rmSync(emulatorDataDir, { recursive: true, force: true });
    }
  });

  it('fails when the configured mongod binary does not exist instead of silently choosing another engine', async () => {
    await expect(startMongo({ mongodBinary: '/nonexistent/mongod', log: jest.fn() })).rejects.toThrow(
      /configured mongod binary "\/nonexistent\/mongod"/,
    );
  });
});
