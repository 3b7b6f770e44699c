import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import {
  APP_CONFIG,
  type AppConfig,
  applyMongoQueryDefaults,
  MONGO_DRIVER_CONNECTION_CLASS,
  mongoConnectionOptions,
} from '@tenantpay/platform';
import type { Connection } from 'mongoose';

/**
 * Opens a dedicated placement's connection exactly as the shared one is opened (PlatformMongoModule): the same
 * bounded timeouts, pool size and index policy, the same Mongoose instance, and the same driver connection
 * class, so the command wall judges every command sent to every cluster.
 */
@Injectable()
export class PlacementConnectionOpener {
  constructor(
    @InjectConnection() private readonly shared: Connection,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(MONGO_DRIVER_CONNECTION_CLASS) private readonly connectionType?: unknown,
  ) {}

  async open(uri: string): Promise<Connection> {
    const connection = this.shared.base.createConnection(
      uri,
      mongoConnectionOptions(this.config, this.connectionType),
    );
    applyMongoQueryDefaults(connection, this.config);
    try {
      return await connection.asPromise();
    } catch (error) {
      await connection.close().catch(() => undefined);
      throw error;
    }
  }
}
