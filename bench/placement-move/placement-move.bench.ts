/**
 * Moving one tenant between two placements (two databases of one MongoDB in a child process): total move time,
 * time in each phase, and the write freeze under the default 5 s bound, for 10k and 100k documents (1M with
 * --full; --quick: 10k only), while a writer keeps writing through the move's write admission and release (as
 * the repository's gate does): inserts, and every tenth write a hard delete of a seeded document, recorded in
 * the move's ledger first (as the repository's deleteOnePermanently does).
 * Run: npm run bench -- placement-move [--quick|--full|--documents=N] [--engine-heap-mb=N]   (prints one JSON object)
 * The emulator holds both copies and their indexes in its process's heap: V8's default limit (about 4 GB) ends a
 * 1M run during the copy, so a run of more than 100k documents gives the engine 12 GB unless told otherwise.
 */
import { loadavg } from 'node:os';

import { tenantOwnedSchema } from '@tenantpay/data-isolation';
import { RedisServerProcess } from '@tenantpay/local-services';
import { MoveWriteAdmission, MoveWriteRegistry } from '@tenantpay/placement';
import {
  type TenantMoveProgress,
  TenantMoveRunner,
  type TenantMoveSettings,
} from '@tenantpay/placement-move';
import { createRedisClient } from '@tenantpay/platform';
import { MongoBulkWriteError } from 'mongodb';
import mongoose, { type Connection, Types } from 'mongoose';

import { startMongoProcess } from '../support/mongo-process';

const COLLECTION = 'bench_move_payments';
const SCHEMA = tenantOwnedSchema(
  { reference: String },
  { collection: COLLECTION, shard: { unsharded: true, reason: 'bench' } },
);

const ONLY = process.argv.find((arg) => arg.startsWith('--documents='));
const SIZES = ONLY
  ? [Number(ONLY.slice('--documents='.length))]
  : process.argv.includes('--quick')
    ? [10_000]
    : process.argv.includes('--full')
      ? [10_000, 100_000, 1_000_000]
      : [10_000, 100_000];
const ENGINE_HEAP_FLAG = process.argv.find((arg) => arg.startsWith('--engine-heap-mb='));
const ENGINE_HEAP_MB = ENGINE_HEAP_FLAG
  ? Number(ENGINE_HEAP_FLAG.slice('--engine-heap-mb='.length))
  : Math.max(...SIZES) > 100_000
    ? 12_288
    : undefined;
const BATCH_SIZE = 1_000;
/** The defaults of PLACEMENT_MOVE_*: the freeze must fit the default 5 s bound, or the move fails. */
const SETTINGS: TenantMoveSettings = {
  maxFreezeMs: 5_000,
  clockSkewMs: 5_000,
  freezeThreshold: 500,
  maxCatchUpPasses: 20,
  freezeAttempts: 3,
};
const WRITE_LEASE_MS = 1_000;

function payment(tenantId: Types.ObjectId, n: number, at: Date): Record<string, unknown> {
  return {
    _id: new Types.ObjectId(),
    tenantId,
    reference: `ref-${n}`,
    amount: { minor: 1_000 + n, currency: 'EUR' },
    status: 'COMPLETED',
    method: 'card',
    description: 'Invoice payment for services rendered, bench document of a realistic size',
    statusHistory: [
      { status: 'PENDING', at },
      { status: 'COMPLETED', at },
    ],
    deletedAt: null,
    deletedBy: null,
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * A batch the driver retried after a timeout (a loaded machine) may already have landed: its documents then
 * answer E11000 on `_id`, and are there. Anything else is a real failure.
 */
function ignoreRetriedInserts(error: unknown): void {
  if (!(error instanceof MongoBulkWriteError)) throw error;
  // One error or several (the driver's OneOrMore).
  const errors: unknown[] = ([] as unknown[]).concat(error.writeErrors);
  if (errors.length === 0 || errors.some((writeError) => (writeError as { code?: unknown }).code !== 11_000))
    throw error;
}

function raw(connection: Connection) {
  return connection.getClient().db(connection.name).collection(COLLECTION);
}

async function measure(uri: string, redisUrl: string, documents: number): Promise<Record<string, unknown>> {
  const suffix = `${documents}_${Date.now()}`;
  // A 1M run's engine holds gigabytes in one heap: on a loaded machine a major GC can stall it for tens of
  // seconds, which the driver's default 30 s monitoring and selection timeouts would take for a dead server.
  const patient = {
    connectTimeoutMS: 300_000,
    serverSelectionTimeoutMS: 300_000,
    heartbeatFrequencyMS: 60_000,
  };
  const source = await mongoose
    .createConnection(uri, { ...patient, dbName: `bench_move_src_${suffix}` })
    .asPromise();
  const target = await mongoose
    .createConnection(uri, { ...patient, dbName: `bench_move_dst_${suffix}` })
    .asPromise();
  // A loaded machine can hold a command past the platform's 1 s timeout; the mover's own calls must not fail for it.
  const redis = createRedisClient({ kind: 'standalone', url: redisUrl }, 'placement-move-bench', {
    commandTimeout: 10_000,
  });
  await redis.connect();
  let writing = true;
  let writer: Promise<void> = Promise.resolve();
  try {
    const tenant = new Types.ObjectId();
    const tenantId = tenant.toHexString();
    await raw(source).createIndex({ tenantId: 1, reference: 1 }, { unique: true });
    await raw(source).createIndex({ tenantId: 1, createdAt: -1 });
    // What every tenant-owned schema declares ({ tenantId, _id }, { tenantId, updatedAt }), as an application
    // builds it: "what changed since" is read from them (the move refuses a source without the second).
    await source.model(COLLECTION, SCHEMA).init();
    for (let n = 0; n < documents; n += 10_000) {
      const at = new Date();
      await raw(source)
        .insertMany(
          Array.from({ length: Math.min(10_000, documents - n) }, (_, i) => payment(tenant, n + i, at)),
          { ordered: false },
        )
        .catch(ignoreRetriedInserts);
    }
    const registry = new MoveWriteRegistry(redis);
    await registry.open(tenantId, 'bench', 'shared');
    let written = 0;
    let hardDeleted = 0;
    let refused = 0;
    writer = (async () => {
      while (writing) {
        const writerId = `w${written}`;
        // As the gate does: Redis not answering refuses the write (the generator retries), never crashes it.
        const admission = await registry
          .admit(tenantId, 'shared', writerId, WRITE_LEASE_MS)
          .catch(() => MoveWriteAdmission.Unknown);
        if (admission === MoveWriteAdmission.Admitted) {
          if (written % 10 === 9) {
            const doomed = await raw(source).findOne(
              { tenantId: tenant, reference: `ref-${hardDeleted}` },
              { projection: { _id: 1 } },
            );
            if (doomed !== null) {
              await registry.recordDeletions(tenantId, [{ collectionName: COLLECTION, id: doomed._id }]);
              await raw(source).deleteOne({ _id: doomed._id, tenantId: tenant });
            }
            hardDeleted += 1;
          } else await raw(source).insertOne(payment(tenant, documents + written, new Date()));
          // As the repository does once a write has landed: the freeze no longer waits for its lease.
          await registry.release(tenantId, writerId);
          written += 1;
        } else if (admission === MoveWriteAdmission.StalePlacement) return;
        else refused += 1;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    // Handled now (an unhandled rejection would end the process mid-move); reported after the move.
    writer.catch(() => undefined);
    const runner = new TenantMoveRunner(
      { source, target, tenantId: tenant, collections: [COLLECTION], batchSize: BATCH_SIZE },
      'dedicated',
      SETTINGS,
      {
        freeze: registry,
        cancelRequested: async () => false,
        commitSwitch: async () => true,
        switchPlacement: async () => undefined,
        // Each change of state on stderr, so a long run shows where it is (and what it reached if stopped).
        record: async (progress) => {
          const { state, timings, catchUpPasses, freezeAttempts } = progress;
          process.stderr.write(
            `${JSON.stringify({ documents, state, catchUpPasses, freezeAttempts, timings, loadAverage: loadavg() })}\n`,
          );
        },
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      },
    );
    const progress: TenantMoveProgress = await runner.run();
    writing = false;
    await writer;
    return {
      documents,
      state: progress.state,
      totalMs: progress.timings.totalMs,
      copyMs: progress.timings.copyMs,
      catchUpMs: progress.timings.catchUpMs,
      verifyMs: progress.timings.verifyMs,
      freezeMs: progress.timings.freezeMs,
      catchUpPasses: progress.catchUpPasses,
      freezeAttempts: progress.freezeAttempts,
      ...(progress.failure === undefined ? {} : { failure: progress.failure }),
      comparedBeforeFreeze: progress.verification.reduce(
        (sum, result) => sum + result.comparedBeforeFreeze,
        0,
      ),
      comparedWhileFrozen: progress.verification.reduce((sum, result) => sum + result.comparedWhileFrozen, 0),
      writesDuringMove: written,
      hardDeletesDuringMove: hardDeleted,
      writesRefusedWhileFrozen: refused,
      verified: progress.verification.length > 0 && progress.verification.every((result) => result.matches),
      loadAverageAfter: loadavg().map((value) => Math.round(value * 100) / 100),
    };
  } catch (error) {
    // Printed before the cleanup, whose own errors (the engine gone) must not hide it.
    process.stderr.write(
      `move of ${documents} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    throw error;
  } finally {
    writing = false;
    await writer.catch((error: unknown) => process.stderr.write(`writer stopped: ${String(error)}\n`));
    await Promise.allSettled([source.dropDatabase(), target.dropDatabase()]);
    await Promise.allSettled([source.close(), target.close()]);
    redis.disconnect();
  }
}

async function main(): Promise<void> {
  const mongo = await startMongoProcess({ maxOldSpaceMb: ENGINE_HEAP_MB });
  const redisServer = await RedisServerProcess.start();
  try {
    const results = [];
    for (const size of SIZES) results.push(await measure(mongo.uri, redisServer.url, size));
    process.stdout.write(
      `${JSON.stringify({
        engine: mongo.kind,
        engineHeapMb: ENGINE_HEAP_MB ?? 'V8 default',
        batchSize: BATCH_SIZE,
        writeLeaseMs: WRITE_LEASE_MS,
        loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
        moves: results,
      })}\n`,
    );
  } finally {
    await redisServer.stop();
    await mongo.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
