import { mongo } from 'mongoose';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { extract } from 'tar-stream';

export interface ReadArchive {
  readonly sha256: string;
  readonly manifest: Record<string, unknown>;
  /** Parsed documents per collection name. */
  readonly collections: Record<string, Record<string, unknown>[]>;
  readonly entrySha256: Record<string, string>;
}

/** Reads an export archive back (tests only: it holds everything in memory). */
export async function readTenantArchive(path: string): Promise<ReadArchive> {
  const sha256 = createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
  const entries = new Map<string, Buffer>();
  const reader = extract();
  reader.on('entry', (header, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: unknown) => chunks.push(chunk as Buffer));
    stream.on('end', () => {
      entries.set(header.name, Buffer.concat(chunks));
      next();
    });
  });
  await new Promise<void>((resolve, reject) => {
    reader.on('finish', resolve);
    reader.on('error', reject);
    createReadStream(path).pipe(reader);
  });
  const manifest = JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? 'null') as Record<
    string,
    unknown
  >;
  const collections: Record<string, Record<string, unknown>[]> = {};
  const entrySha256: Record<string, string> = {};
  for (const [name, content] of entries) {
    const match = /^collections\/(.+)\.ndjson\.gz$/.exec(name);
    if (match?.[1] === undefined) continue;
    entrySha256[match[1]] = createHash('sha256').update(content).digest('hex');
    collections[match[1]] = gunzipSync(content)
      .toString('utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => mongo.BSON.EJSON.parse(line, { relaxed: false }) as Record<string, unknown>);
  }
  return { sha256, manifest, collections, entrySha256 };
}
