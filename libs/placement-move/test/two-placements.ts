import { useTestMongo } from '@tenantpay/testing';
import mongoose, { type Connection, type mongo, Types } from 'mongoose';

/** Two placements for a spec: two databases of the run's test engine, dropped after the file. */
export interface TwoPlacements {
  readonly source: Connection;
  readonly target: Connection;
}

export function useTwoPlacements(): TwoPlacements {
  const server = useTestMongo();
  const connections: Partial<{ -readonly [K in keyof TwoPlacements]: Connection }> = {};
  beforeAll(async () => {
    connections.source = await connect(server.uri, `${server.dbName}_src`);
    connections.target = await connect(server.uri, `${server.dbName}_dst`);
  });
  afterAll(async () => {
    for (const connection of [connections.source, connections.target]) {
      if (connection === undefined) continue;
      await connection.dropDatabase();
      await connection.close();
    }
  });
  const connected = (connection: Connection | undefined): Connection => {
    if (connection === undefined)
      throw new Error('useTwoPlacements() is available inside tests and hooks only');
    return connection;
  };
  return {
    get source() {
      return connected(connections.source);
    },
    get target() {
      return connected(connections.target);
    },
  };
}

async function connect(uri: string, dbName: string): Promise<Connection> {
  return mongoose.createConnection(uri, { dbName }).asPromise();
}

/** The driver collection, for specs to arrange and inspect data below the code under test. */
export function rawCollection(connection: Connection, name: string): mongo.Collection {
  return connection.getClient().db(connection.name).collection(name);
}

/** A tenant-owned document as a repository would have stored it (timestamps, live). */
export function tenantDocument(
  tenantId: Types.ObjectId,
  label: string,
  extra: Record<string, unknown> = {},
  at: Date = new Date(),
): Record<string, unknown> & { _id: Types.ObjectId } {
  return {
    _id: new Types.ObjectId(),
    tenantId,
    label,
    deletedAt: null,
    deletedBy: null,
    createdAt: at,
    updatedAt: at,
    ...extra,
  };
}
