import { randomBytes } from 'node:crypto';

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

/**
 * A tenant-owned document as a repository would have stored it at `at` (timestamps, live, and an id the server
 * issued then: a move finds inserts by the time in their id).
 */
export function tenantDocument(
  tenantId: Types.ObjectId,
  label: string,
  extra: Record<string, unknown> = {},
  at: Date = new Date(),
): Record<string, unknown> & { _id: Types.ObjectId } {
  return {
    _id: objectIdIssuedAt(at),
    tenantId,
    label,
    deletedAt: null,
    deletedBy: null,
    createdAt: at,
    updatedAt: at,
    ...extra,
  };
}

/** Per process, with a counter after it, as the driver's ObjectIds: ids of one second sort in issue order. */
const PROCESS_UNIQUE = randomBytes(5).toString('hex');
let issued = 0;

/** A unique ObjectId carrying `at` (to the second) as its time, as one issued then would. */
function objectIdIssuedAt(at: Date): Types.ObjectId {
  const seconds = Math.floor(at.getTime() / 1000)
    .toString(16)
    .padStart(8, '0');
  issued = (issued + 1) % 0x1000000;
  return new Types.ObjectId(`${seconds}${PROCESS_UNIQUE}${issued.toString(16).padStart(6, '0')}`);
}
