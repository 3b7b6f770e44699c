import { mongo } from 'mongoose';
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { pack as tarPack } from 'tar-stream';
import { OFFBOARDING_ARCHIVE_FORMAT } from './offboarding.constant';
import type { ExportedCollection, TenantExportArchive } from './tenant-export-archive';
import type { TenantDocumentSource } from './tenant-document-source';

export interface TenantArchiveTarget {
  /** The archive directory (created when missing); files are written there under `baseName`. */
  readonly directory: string;
  readonly baseName: string;
  /** Written into the manifest as is (tenant id, slug, who asked, when). */
  readonly manifest: Readonly<Record<string, unknown>>;
}

/**
 * Writes one tenant's export with bounded memory: each collection goes cursor → NDJSON lines (canonical
 * Extended JSON, so ObjectIds, dates and 64-bit numbers survive) → gzip → a temporary file, hashed on the way;
 * then the files are packed into one tar with a manifest, hashed on the way, written under a temporary name
 * and renamed once complete, so a half-written archive is never downloadable. Two passes because a tar header
 * states its entry's size before the entry, which a stream cannot know.
 */
export async function writeTenantArchive(
  source: TenantDocumentSource,
  target: TenantArchiveTarget,
): Promise<TenantExportArchive> {
  await mkdir(target.directory, { recursive: true });
  const workDirectory = await mkdtemp(join(target.directory, `.${target.baseName}-`));
  try {
    const collections: ExportedCollection[] = [];
    for (const name of source.collections()) {
      collections.push(await writeCollection(source, name, workDirectory));
    }
    const fileName = `${target.baseName}.tar`;
    const partial = join(workDirectory, fileName);
    const { bytes, sha256 } = await packArchive(partial, workDirectory, collections, {
      format: OFFBOARDING_ARCHIVE_FORMAT,
      ...target.manifest,
      collections,
    });
    await writeFile(join(target.directory, `${fileName}.sha256`), `${sha256}  ${fileName}\n`);
    await rename(partial, join(target.directory, fileName));
    return { fileName, bytes, sha256, collections };
  } finally {
    await rm(workDirectory, { recursive: true, force: true });
  }
}

async function writeCollection(
  source: TenantDocumentSource,
  name: string,
  workDirectory: string,
): Promise<ExportedCollection> {
  const entry = `collections/${name}.ndjson.gz`;
  const path = join(workDirectory, `${name}.ndjson.gz`);
  const hash = createHash('sha256');
  let documents = 0;
  async function* lines(): AsyncGenerator<string> {
    for await (const document of source.documents(name)) {
      documents += 1;
      yield `${mongo.BSON.EJSON.stringify(document, { relaxed: false })}\n`;
    }
  }
  await pipeline(Readable.from(lines()), createGzip(), hashing(hash), createWriteStream(path));
  return { name, entry, documents, bytes: (await stat(path)).size, sha256: hash.digest('hex') };
}

async function packArchive(
  path: string,
  workDirectory: string,
  collections: readonly ExportedCollection[],
  manifest: Record<string, unknown>,
): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  const pack = tarPack();
  const written = pipeline(pack, hashing(hash), createWriteStream(path));
  const addEntry = async (name: string, size: number, file: string) => {
    // The entry stream is the tar's own writable: piping the file into it respects the tar's backpressure.
    const entryDone = new Promise<void>((resolve, reject) => {
      const entry = pack.entry({ name, size, mode: 0o644 }, (error) => (error ? reject(error) : resolve()));
      pipeline(createReadStream(file), entry).catch(reject);
    });
    await entryDone;
  };
  const manifestJson = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  pack.entry({ name: 'manifest.json', size: manifestJson.length, mode: 0o644 }, manifestJson);
  for (const collection of collections) {
    await addEntry(collection.entry, collection.bytes, join(workDirectory, `${collection.name}.ndjson.gz`));
  }
  pack.finalize();
  await written;
  return { bytes: (await stat(path)).size, sha256: hash.digest('hex') };
}

/** A pass-through stream feeding every chunk to `hash`. */
function hashing(hash: Hash): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      hash.update(chunk);
      callback(null, chunk);
    },
  });
}
