import { mongo } from 'mongoose';
import { randomBytes } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTenantArchive } from '@tenantpay/testing';
import type { TenantDocumentSource } from './tenant-document-source';
import { writeTenantArchive } from './write-tenant-archive';

/** A source whose documents are made only when pulled, like a cursor's. */
function lazySource(
  counts: Record<string, number>,
  make: (collection: string, i: number) => object,
): TenantDocumentSource {
  return {
    collections: () => Object.keys(counts),
    documents: async function* (collection: string) {
      for (let i = 0; i < (counts[collection] ?? 0); i += 1) yield make(collection, i);
    },
  };
}

describe('writeTenantArchive', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'offboarding-archive-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('writes one tar with a manifest and one gzipped NDJSON entry per collection, each with its checksum', async () => {
    const tenantId = new mongo.ObjectId();
    const source = lazySource({ payments: 3, users: 2, empty: 0 }, (collection, i) => ({
      _id: new mongo.ObjectId(),
      tenantId,
      n: i,
      at: new Date(Date.UTC(2026, 0, i + 1)),
      big: mongo.Long.fromString('9007199254740993'),
      collection,
    }));
    const archive = await writeTenantArchive(source, {
      directory,
      baseName: 'tenant-x',
      manifest: { tenant: { id: 'x' } },
    });

    expect(archive.fileName).toBe('tenant-x.tar');
    const read = await readTenantArchive(join(directory, archive.fileName));
    expect(read.sha256).toBe(archive.sha256);
    expect(await readFile(join(directory, 'tenant-x.tar.sha256'), 'utf8')).toBe(
      `${archive.sha256}  tenant-x.tar\n`,
    );
    expect(read.manifest).toMatchObject({ format: 'tenantpay-offboarding-export/1', tenant: { id: 'x' } });
    expect(Object.keys(read.collections).sort()).toEqual(['empty', 'payments', 'users']);
    expect(read.collections['payments']).toHaveLength(3);
    expect(read.collections['empty']).toEqual([]);
    // Types survive the round trip (canonical Extended JSON).
    const first = read.collections['payments']?.[0];
    expect(first?.['tenantId']).toEqual(tenantId);
    expect(first?.['at']).toEqual(new Date(Date.UTC(2026, 0, 1)));
    expect(String(first?.['big'])).toBe('9007199254740993');
    for (const entry of archive.collections) {
      expect(read.entrySha256[entry.name]).toBe(entry.sha256);
      expect(entry.documents).toBe(read.collections[entry.name]?.length);
    }
  });

  it('leaves nothing behind but the archive and its checksum file', async () => {
    await writeTenantArchive(
      lazySource({ a: 1 }, () => ({ x: 1 })),
      { directory, baseName: 'tidy', manifest: {} },
    );
    expect((await readdir(directory)).sort()).toEqual(['tidy.tar', 'tidy.tar.sha256']);
  });

  it('leaves no archive when the source fails half-way (no half-written download)', async () => {
    const failing: TenantDocumentSource = {
      collections: () => ['a'],
      documents: async function* () {
        yield { x: 1 };
        throw new Error('cursor lost');
      },
    };
    await expect(
      writeTenantArchive(failing, { directory, baseName: 'broken', manifest: {} }),
    ).rejects.toThrow('cursor lost');
    expect(await readdir(directory)).toEqual([]);
  });

  it('streams with bounded memory: pulls documents as it writes them, never holding a collection', async () => {
    // 20,000 documents of ~1 KiB of incompressible text: ~20 MiB through the writer. A writer that held a
    // collection in memory would have nothing on disk while it pulls; a streaming one has written (gzipped,
    // ~0.5 KiB a document) all but the last few batches of what it pulled, checked every 1,000 documents. Bytes
    // on disk are measured rather than the heap, whose size depends on when the collector last ran. (It was
    // 80,000: the same check at four times the gzip work, ~70 s of a busy 2-core machine's test run.)
    const count = 20_000;
    const slack = 4_000;
    const filler = () => randomBytes(512).toString('hex');
    const behind: number[] = [];
    const source = lazySource({ big: count }, (_collection, i) => {
      if (i > slack && i % 1_000 === 0 && bytesUnder(directory) < (i - slack) * 256) behind.push(i);
      return { i, filler: filler() };
    });
    const archive = await writeTenantArchive(source, { directory, baseName: 'big', manifest: {} });
    expect(archive.collections[0]?.documents).toBe(count);
    expect(archive.bytes).toBeGreaterThan(count * 512);
    expect(behind).toEqual([]);
  }, 120_000);
});

/** The bytes of every file under `directory` (the writer's work files included). */
function bytesUnder(directory: string): number {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .map((entry) => statSync(join(directory, entry)))
    .filter((entry) => entry.isFile())
    .reduce((total, entry) => total + entry.size, 0);
}
