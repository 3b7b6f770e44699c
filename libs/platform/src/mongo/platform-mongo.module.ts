import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.constant';
import { applyMongoQueryDefaults, mongoConnectionOptions } from './mongo-connection-options';
import { MONGO_DRIVER_CONNECTION_CLASS } from './mongo-driver-connection-class.constant';

/**
 * The MongoDB connection, bounded everywhere so a sick database becomes fast errors (503 at the edge) rather
 * than hung requests, whatever it does:
 * - unreachable: server selection and connecting give up within their timeouts;
 * - hung (a stopped process keeps its sockets open and answers nothing): an operation whose reply does not come
 *   within the socket timeout fails and its connection is dropped. The driver retries a read or write once, so
 *   a request's first operation fails after twice the socket timeout: 900 ms by default, 1.9 s measured with
 *   the engine SIGSTOPped (apps/api/test/fault-mongodb-hung.tests.ts);
 * - slow: the server stops every query and aggregation at maxTimeMS (set below the socket timeout, so the
 *   server ends a slow query before the client drops a healthy connection);
 * - saturated: waiting for a pooled connection is bounded by the wait-queue timeout.
 * The driver's client-side operation timeout (`timeoutMS`) would be the one knob for all of these, but this
 * driver version ignores it (it warns "timeoutMS has no effect"), hence the separate ones.
 *
 * No command buffering: while Mongoose counts the connection as lost, an operation goes to the driver at once
 * and fails within server selection, instead of waiting in Mongoose's buffer for `bufferTimeoutMS` and failing
 * with an error that does not say the database is unavailable. The driver reconnects by itself; Nest closes
 * the connection on shutdown.
 *
 * When a module provides MONGO_DRIVER_CONNECTION_CLASS (data isolation's command wall), every driver
 * connection of this client is built from it.
 */
@Module({
  imports: [
    MongooseModule.forRootAsync({
      inject: [APP_CONFIG, { token: MONGO_DRIVER_CONNECTION_CLASS, optional: true }],
      useFactory: (config: AppConfig, connectionType?: unknown) => ({
        uri: config.mongodb.uri,
        ...mongoConnectionOptions(config, connectionType),
        retryAttempts: 5,
        retryDelay: 1_000,
        connectionFactory: (connection: Connection) => applyMongoQueryDefaults(connection, config),
      }),
    }),
  ],
  exports: [MongooseModule],
})
export class PlatformMongoModule {}
