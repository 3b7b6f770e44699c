import type { Connection, Model } from 'mongoose';

/** What an index build did to one collection. */
export interface CollectionIndexReport {
  readonly collection: string;
  /** Indexes a schema declares that were missing and have now been built (their key patterns). */
  readonly created: readonly Record<string, unknown>[];
  /** Indexes present in the database that no schema declares any more: reported, never dropped. */
  readonly undeclared: readonly string[];
}

/**
 * Builds every index the connection's models declare, for deployments that start the apps with
 * `MONGODB_AUTO_INDEX=false` and build indexes as a scheduled step. It never drops an index: during a
 * rolling deploy the previous version may still need one, so removing it is a decision for a person.
 */
export async function buildDeclaredIndexes(connection: Connection): Promise<CollectionIndexReport[]> {
  const models = Object.values(connection.models).sort((a, b) =>
    collectionName(a).localeCompare(collectionName(b)),
  );
  const reports: CollectionIndexReport[] = [];
  for (const model of models) {
    const { toCreate, toDrop } = await model.diffIndexes();
    await model.createCollection().catch((error: unknown) => {
      // NamespaceExists: the collection is already there, which is the usual case.
      if ((error as { code?: number }).code !== 48) throw error;
    });
    await model.createIndexes();
    reports.push({
      collection: collectionName(model),
      created: toCreate as Record<string, unknown>[],
      undeclared: toDrop,
    });
  }
  return reports;
}

function collectionName(model: Model<unknown>): string {
  // eslint-disable-next-line no-restricted-syntax -- the collection's name for the report; no document is read
  return model.collection.collectionName;
}
