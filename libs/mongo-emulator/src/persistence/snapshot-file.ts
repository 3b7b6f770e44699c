import type { Document } from 'bson';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { StorageEngine } from '../storage/storage-engine';
import { indexDefinitionFrom, ID_INDEX_NAME } from '../storage/index-definition';
import { CorruptDataFileError } from './corrupt-data-file.error';
import { decodeRecords, encodeRecord } from './data-record.codec';

const SNAPSHOT_FORMAT = 'tenantpay-mongo-emulator-snapshot/1';
/** Documents per record: records stay far below the size limit, and a snapshot is written in slices. */
const DOCUMENTS_PER_RECORD = 1_000;

/**
 * A whole-engine snapshot: a header naming the journal generation that follows it, each collection (options,
 * indexes) with its documents, each view, and an end record. Written to a temporary file, synced, then
 * renamed over the previous snapshot, so a crash leaves either the old snapshot or the new one, never half
 * of one.
 */
export function writeSnapshot(engine: StorageEngine, file: string, generation: number): void {
  const temporary = `${file}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    const write = (payload: Document) => {
      const record = encodeRecord(payload);
      let written = 0;
      while (written < record.length) written += writeSync(fd, record, written);
    };
    write({ format: SNAPSHOT_FORMAT, generation });
    let collections = 0;
    for (const collection of engine.allCollections()) {
      collections++;
      write({
        collection: {
          db: collection.databaseName,
          name: collection.name,
          options: collection.options,
          indexes: collection
            .indexDefinitions()
            .filter((index) => index.name !== ID_INDEX_NAME)
            .map((index) => index.spec),
        },
      });
      let batch: Document[] = [];
      for (const document of collection.documents()) {
        batch.push(document);
        if (batch.length === DOCUMENTS_PER_RECORD) {
          write({ documents: batch });
          batch = [];
        }
      }
      if (batch.length > 0) write({ documents: batch });
    }
    for (const { databaseName, name, definition } of engine.allViews()) {
      write({ view: { db: databaseName, name, viewOn: definition.viewOn, pipeline: definition.pipeline } });
    }
    write({ end: true, collections });
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
  syncDirectory(dirname(file));
}

/** Loads a snapshot into an empty engine; returns the generation of the journal to replay after it. */
export function readSnapshot(engine: StorageEngine, file: string): number {
  const data = readFileSync(file);
  const { records, completeLength } = decodeRecords(data, file);
  // A snapshot is renamed into place only once complete, so even a torn end is damage here.
  if (completeLength !== data.length) {
    throw new CorruptDataFileError(file, completeLength, 'the snapshot ends in the middle of a record');
  }
  const header = records[0];
  if (header?.['format'] !== SNAPSHOT_FORMAT || typeof header['generation'] !== 'number') {
    throw new CorruptDataFileError(file, 0, `not a snapshot of format ${SNAPSHOT_FORMAT}`);
  }
  const end = records[records.length - 1];
  if (records.length < 2 || end?.['end'] !== true) {
    throw new CorruptDataFileError(file, completeLength, 'the snapshot has no end record');
  }
  let current: ReturnType<StorageEngine['createCollection']> | undefined;
  for (const record of records.slice(1, -1)) {
    const description = record['collection'] as Document | undefined;
    const view = record['view'] as Document | undefined;
    if (view !== undefined) {
      engine.defineView(String(view['db']), String(view['name']), {
        viewOn: String(view['viewOn']),
        pipeline: view['pipeline'] as Document[],
      });
    } else if (description !== undefined) {
      current = engine.createCollection(
        String(description['db']),
        String(description['name']),
        description['options'] as Document,
      );
      for (const spec of description['indexes'] as Document[]) current.createIndex(indexDefinitionFrom(spec));
    } else if (Array.isArray(record['documents']) && current !== undefined) {
      for (const document of record['documents'] as Document[]) current.insert(document);
    }
  }
  return header['generation'];
}

/** Makes a rename durable: the directory entry itself must reach the disk. */
export function syncDirectory(directory: string): void {
  const fd = openSync(directory, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
