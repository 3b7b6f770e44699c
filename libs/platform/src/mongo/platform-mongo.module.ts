import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.constant';

/**
 * The MongoDB connection. Timeouts are short so an unreachable database shows up as failed readiness
 * and fast errors rather than hung requests; the driver reconnects by itself. Nest closes the
 * connection on shutdown.
 */
@Module({
  imports: [
    MongooseModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        uri: config.mongodb.uri,
        serverSelectionTimeoutMS: 5_000,
        connectTimeoutMS: 5_000,
        socketTimeoutMS: 30_000,
        maxPoolSize: 50,
        autoIndex: config.mongodb.autoIndex,
        autoCreate: config.mongodb.autoIndex,
        retryAttempts: 5,
        retryDelay: 1_000,
      }),
    }),
  ],
  exports: [MongooseModule],
})
export class PlatformMongoModule {}
