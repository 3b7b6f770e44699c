import { Logger } from '@nestjs/common';
import type { PlacementConnections } from '@tenantpay/placement';
import { SHARED_PLACEMENT } from '@tenantpay/platform';
import type { Connection, Model } from 'mongoose';
import { createIndexOutsideSchema, indexesOutsideSchemaOf } from '../schema/create-index-outside-schema';
import { isTenantOwnedSchema } from '../schema/tenant-owned-schema';

/**
 * The tenant-owned models of each placement. A dedicated placement's connection gets every tenant-owned
 * model of the shared connection when it opens (same name, schema, collection and so the same isolation
 * plugin, index checks and shard key), before anything may use it: the pipeline guard's join registry is
 * built from a connection's models, so they must all be there, not only the ones used so far. Its indexes
 * (schema ones through Mongoose's init under MONGODB_AUTO_INDEX, the few outside the schema replayed as the
 * repositories create them at start) are built as on the shared connection. Platform-owned models are never registered there.
 */
export class PlacementModels {
  private readonly logger = new Logger(PlacementModels.name);

  constructor(private readonly connections: PlacementConnections) {
    connections.onOpen((connection) => this.registerTenantOwnedModels(connection));
  }

  /** `model` (a shared-connection model) as registered on `placement`'s connection. */
  async modelFor<T>(model: Model<T>, placement: string): Promise<Model<T>> {
    if (placement === SHARED_PLACEMENT) return model;
    const connection = await this.connections.connectionFor(placement);
    const placed = connection.models[model.modelName];
    if (placed === undefined) {
      throw new Error(
        `Model ${model.modelName} is not tenant-owned on the shared connection: no placement has it`,
      );
    }
    return placed as Model<T>;
  }

  private async registerTenantOwnedModels(connection: Connection): Promise<void> {
    const { shared } = this.connections;
    const models = Object.values(shared.models)
      .filter((model) => isTenantOwnedSchema(model.schema))
      .map((model) => connection.model(model.modelName, model.schema, model.collection.collectionName));
    await Promise.all(models.map((model) => model.init()));
    // As the repositories do at start on the shared connection: a missing TTL index is logged, not fatal.
    for (const model of models) {
      for (const index of indexesOutsideSchemaOf(model.modelName)) {
        await createIndexOutsideSchema(model, index).catch((error: unknown) =>
          this.logger.warn(
            { err: error, model: model.modelName },
            'Could not create an index on a placement',
          ),
        );
      }
    }
  }
}
