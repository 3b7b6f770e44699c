import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.constant';
import { MONGO_DRIVER_CONNECTION_CLASS } from './mongo-driver-connection-class.constant';

/**
 * The MongoDB connection. Timeouts are short so an unreachable database shows up as failed readiness
 * and fast errors rather than hung requests; the driver reconnects by itself. Nest closes the
 * connection on shutdown. When a module provides MONGO_DRIVER_CONNECTION_CLASS (data isolation's command wall),
 * every driver connection of this client is built from it.
 */
@Module({
  imports: [
    MongooseModule.forRootAsync({
      inject: [APP_CONFIG, { token: MONGO_DRIVER_CONNECTION_CLASS, optional: true }],
      useFactory: (config: AppConfig, connectionType?: unknown) => ({
        uri: config.mongodb.uri,
        serverSelectionTimeoutMS: 5_000,
        connectTimeoutMS: 5_000,
        socketTimeoutMS: 30_000,
        maxPoolSize: 50,
        autoIndex: config.mongodb.autoIndex,
        autoCreate: config.mongodb.autoIndex,
        retryAttempts: 5,
        retryDelay: 1_000,
        ...(connectionType === undefined ? {} : { connectionType }),
      }),
    }),
  ],
  exports: [MongooseModule],
})
export class PlatformMongoModule {}
