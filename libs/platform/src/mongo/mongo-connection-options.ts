import type { ConnectOptions, Connection } from 'mongoose';
import type { AppConfig } from '../config/app-config';

/**
 * The options every application MongoDB connection is opened with, the shared one and each dedicated
 * placement alike (see PlatformMongoModule for why each bound is there): the same timeouts, pool, index
 * policy and, when data isolation provides it, the same driver connection class (the command wall).
 */
export function mongoConnectionOptions(config: AppConfig, connectionType?: unknown): ConnectOptions {
  const { timeouts } = config.mongodb;
  return {
    serverSelectionTimeoutMS: timeouts.serverSelectionMs,
    connectTimeoutMS: timeouts.connectMs,
    socketTimeoutMS: timeouts.socketMs,
    waitQueueTimeoutMS: timeouts.waitQueueMs,
    maxPoolSize: 50,
    autoIndex: config.mongodb.autoIndex,
    autoCreate: config.mongodb.autoIndex,
    bufferCommands: false,
    ...(connectionType === undefined ? {} : ({ connectionType } as object)),
  };
}

/** Mongoose adds a connection's maxTimeMS to every query and aggregation that does not set its own. */
export function applyMongoQueryDefaults(connection: Connection, config: AppConfig): Connection {
  connection.set('maxTimeMS', config.mongodb.timeouts.maxTimeMs);
  return connection;
}
