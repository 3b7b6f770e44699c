import { randomBytes } from 'node:crypto';
import { basename, dirname } from 'node:path';

import { type Db, MongoClient } from 'mongodb';

import { TEST_ENVIRONMENT_VARIABLES as ENV } from '../test-environment-variables.constant';

export interface TestMongo {
  /** Connection string whose default database is this file's database (what Mongoose and apps expect). */
  readonly uri: string;
  readonly dbName: string;
  /** Connected from beforeAll to afterAll. */
  readonly client: MongoClient;
  readonly db: Db;
}

/**
 * Gives the calling test file (or describe block) a database of its own on the run's MongoDB, so files can run
 * in parallel without seeing each other's documents; drops it after the block's tests. Call at the top of a
 * test file, or of each describe of a group spec (a `*.tests.ts` module).
 */
export function useTestMongo(): TestMongo {
  const serverUri = process.env[ENV.testRunMongoUri];
  if (serverUri === undefined || serverUri === '') {
    throw new Error(
      `${ENV.testRunMongoUri} is not set: run tests with a Jest config that extends jest.preset.js, ` +
        'whose globalSetup starts the MongoDB for the run',
    );
  }
  const dbName = uniqueDatabaseName(expect.getState().testPath ?? 'unknown');
  const uri = withDefaultDatabase(serverUri, dbName);
  let client: MongoClient | undefined;

  beforeAll(async () => {
    client = await MongoClient.connect(uri);
  });
  afterAll(async () => {
    if (client === undefined) return;
    try {
      await client.db(dbName).dropDatabase();
    } finally {
      await client.close();
    }
  });

  const connectedClient = (): MongoClient => {
    if (client === undefined)
      throw new Error('useTestMongo().client is available inside tests and hooks only');
    return client;
  };
  return {
    uri,
    dbName,
    get client() {
      return connectedClient();
    },
    get db() {
      return connectedClient().db(dbName);
    },
  };
}

/**
 * Readable enough to find a leftover database's test file, random so parallel runs against one shared server
 * never collide, and inside MongoDB's 64-byte limit.
 */
function uniqueDatabaseName(testPath: string): string {
  const file = `${basename(dirname(testPath))}_${basename(testPath).replace(/\.spec\.ts$/, '')}`;
  const readable = file.replace(/[^A-Za-z0-9_-]/g, '_').slice(-40);
  return `test_${readable}_${randomBytes(4).toString('hex')}`;
}

function withDefaultDatabase(uri: string, dbName: string): string {
  const parts = /^(mongodb(?:\+srv)?:\/\/[^/?]+)(?:\/[^?]*)?(\?.*)?$/.exec(uri);
  if (parts === null) throw new Error(`Not a MongoDB connection string: ${uri}`);
  return `${parts[1]}/${dbName}${parts[2] ?? ''}`;
}
