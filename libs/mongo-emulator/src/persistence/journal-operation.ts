import type { Document } from 'bson';
import type { StorageEngine } from '../storage/storage-engine';
import { indexDefinitionFrom } from '../storage/index-definition';
import { idKeyOf } from '../storage/document-id';

/** One committed change as the journal records it; a journal record holds one or several (a transaction). */
export type JournalOperation =
  | {
      readonly op: 'createCollection';
      readonly db: string;
      readonly coll: string;
      readonly options: Document;
    }
  | { readonly op: 'dropCollection'; readonly db: string; readonly coll: string }
  | {
      readonly op: 'setCollectionOptions';
      readonly db: string;
      readonly coll: string;
      readonly options: Document;
    }
  | {
      readonly op: 'defineView';
      readonly db: string;
      readonly coll: string;
      readonly viewOn: string;
      readonly pipeline: Document[];
    }
  | { readonly op: 'dropDatabase'; readonly db: string }
  | { readonly op: 'createIndex'; readonly db: string; readonly coll: string; readonly spec: Document }
  | { readonly op: 'dropIndex'; readonly db: string; readonly coll: string; readonly index: string }
  | { readonly op: 'put'; readonly db: string; readonly coll: string; readonly doc: Document }
  | { readonly op: 'delete'; readonly db: string; readonly coll: string; readonly id: unknown };

/** Replays one change on recovery (before the engine serves, so no lock or transaction is in the way). */
export function applyJournalOperation(engine: StorageEngine, operation: JournalOperation): void {
  switch (operation.op) {
    case 'createCollection':
      if (engine.collection(operation.db, operation.coll) === undefined) {
        engine.createCollection(operation.db, operation.coll, operation.options);
      }
      return;
    case 'dropCollection':
      engine.dropCollection(operation.db, operation.coll);
      return;
    case 'setCollectionOptions':
      engine.collection(operation.db, operation.coll)?.replaceOptions(operation.options);
      return;
    case 'defineView':
      engine.defineView(operation.db, operation.coll, {
        viewOn: operation.viewOn,
        pipeline: operation.pipeline,
      });
      return;
    case 'dropDatabase':
      engine.dropDatabase(operation.db);
      return;
    case 'createIndex': {
      const collection = engine.collectionForWrite(operation.db, operation.coll);
      const definition = indexDefinitionFrom(operation.spec);
      if (!collection.indexDefinitions().some((index) => index.name === definition.name)) {
        collection.createIndex(definition);
      }
      return;
    }
    case 'dropIndex':
      engine.collection(operation.db, operation.coll)?.dropIndex(operation.index);
      return;
    case 'put': {
      const collection = engine.collectionForWrite(operation.db, operation.coll);
      const idKey = idKeyOf(operation.doc);
      if (collection.get(idKey) === undefined) collection.insert(operation.doc);
      else collection.replace(idKey, operation.doc);
      return;
    }
    case 'delete': {
      const collection = engine.collection(operation.db, operation.coll);
      const idKey = idKeyOf({ _id: operation.id });
      if (collection?.get(idKey) !== undefined) collection.remove(idKey);
      return;
    }
  }
}
