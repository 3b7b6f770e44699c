import { Decimal128, Long, ObjectId } from 'bson';
import {
  appendFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { MongoEmulator } from '../index';
import { runSelection } from '../query/document-selection';
import { idKeyOf } from '../storage/document-id';
import { indexDefinitionFrom } from '../storage/index-definition';
import { StorageEngine } from '../storage/storage-engine';
import { CorruptDataFileError } from './corrupt-data-file.error';
import { DurableStorage } from './durable-storage';

describe('DurableStorage', () => {
  let dataDir: string;
  const lines: string[] = [];
  /** Every storage a test opened: those it dropped (a crash) are abandoned after it, so no timer outlives it. */
  const opened: DurableStorage[] = [];
  const open = (engine = new StorageEngine()) => {
    const storage = DurableStorage.open(engine, { dataDir, log: (line) => lines.push(line) });
    opened.push(storage);
    return { engine, storage };
  };
  /** A crash: the storage is dropped without close(), so nothing but the journal is on disk. */
  const journalFile = () =>
    join(
      dataDir,
      readdirSync(dataDir).find((name) => name.startsWith('journal-'))!,
    );

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'engine-data-'));
    lines.length = 0;
  });
  afterEach(() => {
    for (const storage of opened.splice(0)) storage.abandon();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('replays the journal of an engine that never stopped cleanly', () => {
    const first = open();
    const payments = first.engine.createCollection('app', 'payments');
    payments.createIndex(indexDefinitionFrom({ key: { reference: 1 }, unique: true, name: 'reference_1' }));
    payments.insert({ _id: 1, reference: 'a', amount: Long.fromString('9007199254740993') });
    payments.insert({ _id: 2, reference: 'b' });
    payments.replace(idKeyOf({ _id: 1 }), { _id: 1, reference: 'a', amount: Decimal128.fromString('1.10') });
    payments.remove(idKeyOf({ _id: 2 }));

    const second = open();
    const recovered = second.engine.collection('app', 'payments');
    expect([...(recovered?.documents() ?? [])]).toEqual([
      { _id: 1, reference: 'a', amount: Decimal128.fromString('1.10') },
    ]);
    expect(recovered?.indexDefinitions().map((index) => index.name)).toEqual(['_id_', 'reference_1']);
    expect(() => recovered?.insert({ _id: 3, reference: 'a' })).toThrow(/duplicate key/);
    second.storage.close();
  });

  it('journals changes that maintain ordered indexes: the recovered index answers queries', () => {
    const first = open();
    const payments = first.engine.createCollection('app', 'payments');
    payments.createIndex(indexDefinitionFrom({ key: { tenantId: 1, createdAt: -1 } }));
    for (let sequence = 0; sequence < 6; sequence++) {
      payments.insert({ _id: sequence, tenantId: `t${sequence % 2}`, createdAt: sequence });
    }
    payments.replace(idKeyOf({ _id: 0 }), { _id: 0, tenantId: 't1', createdAt: 10 });
    payments.remove(idKeyOf({ _id: 2 }));

    const recovered = open().engine.collection('app', 'payments');
    if (recovered === undefined) throw new Error('payments was not recovered');
    const t0 = runSelection(recovered, { tenantId: 't0' }, { sort: { createdAt: -1 } });
    expect(t0.plan).toMatchObject({ kind: 'IXSCAN', index: { name: 'tenantId_1_createdAt_-1' } });
    expect(t0.documents.map((document) => document['_id'])).toEqual([4]);
    const t1 = runSelection(recovered, { tenantId: 't1' }, { sort: { createdAt: -1 }, limit: 2 });
    expect(t1.documents.map((document) => document['_id'])).toEqual([0, 5]);
    expect(t1.stats.docsExamined).toBe(2);
  });

  it('truncates a torn last record, says so, and keeps every complete one', () => {
    const first = open();
    first.engine.createCollection('app', 'events').insert({ _id: 'kept' });
    const complete = statSync(journalFile()).size;
    // A record header announcing 100 bytes, of which only 3 reached the file before the crash.
    appendFileSync(journalFile(), Buffer.from([100, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7]));

    const second = open();
    expect([...(second.engine.collection('app', 'events')?.documents() ?? [])]).toEqual([{ _id: 'kept' }]);
    expect(statSync(journalFile()).size).toBe(complete);
    expect(lines).toEqual([expect.stringMatching(`torn record at byte offset ${complete} .*truncated`)]);
    second.storage.close();
  });

  it('refuses to start on a damaged record, naming the file and the offset', () => {
    const first = open();
    const events = first.engine.createCollection('app', 'events');
    events.insert({ _id: 'first' });
    const secondRecordOffset = statSync(journalFile()).size;
    events.insert({ _id: 'second' });
    events.insert({ _id: 'third' });
    const bytes = readFileSync(journalFile());
    bytes.writeUInt8(bytes.readUInt8(secondRecordOffset + 12) ^ 0xff, secondRecordOffset + 12);
    writeFileSync(journalFile(), bytes);

    expect(() => open()).toThrow(CorruptDataFileError);
    expect(() => open()).toThrow(`${journalFile()} is corrupt at byte offset ${secondRecordOffset}`);
  });

  it('refuses an impossible record length rather than reading it as a torn end', () => {
    open().engine.createCollection('app', 'events').insert({ _id: 1 });
    appendFileSync(journalFile(), Buffer.from([0, 0, 0, 0, 0, 0, 0, 0, 0]));
    expect(() => open()).toThrow(/record length 0 is impossible/);
  });

  it('writes a transaction as one record: replayed whole', () => {
    const first = open();
    const collection = first.engine.createCollection('app', 'ledger');
    const before = statSync(journalFile()).size;
    first.engine.atomically(() => {
      collection.insert({ _id: 'debit', amount: -5 });
      collection.insert({ _id: 'credit', amount: 5 });
    });
    const written = readFileSync(journalFile()).subarray(before);
    // A crash inside the record loses both documents, never one of them.
    writeFileSync(
      journalFile(),
      Buffer.concat([
        readFileSync(journalFile()).subarray(0, before),
        written.subarray(0, written.length - 1),
      ]),
    );
    expect(open().engine.collection('app', 'ledger')?.size).toBe(0);
  });

  it('checkpoints into a snapshot and a new journal; both are read back', () => {
    const first = open();
    const collection = first.engine.createCollection('app', 'tenants', { validationLevel: 'strict' });
    for (let n = 0; n < 2_500; n++) collection.insert({ _id: n, id: new ObjectId() });
    first.storage.checkpoint();
    collection.remove(idKeyOf({ _id: 0 }));
    expect(readdirSync(dataDir).sort()).toEqual(['engine.lock', 'journal-1.log', 'snapshot.bson']);

    const second = open();
    const recovered = second.engine.collection('app', 'tenants');
    expect(recovered?.size).toBe(2_499);
    expect(recovered?.options).toEqual({ validationLevel: 'strict' });
    second.storage.close();
    expect(readdirSync(dataDir).sort()).toEqual(['journal-2.log', 'snapshot.bson']);
  });

  it('keeps views and collMod options, from the journal and from a snapshot', () => {
    const first = open();
    const orders = first.engine.createCollection('app', 'orders');
    first.engine.defineView('app', 'paid', { viewOn: 'orders', pipeline: [{ $match: { paid: true } }] });
    orders.replaceOptions({ validator: { amount: { $gte: 0 } }, validationAction: 'warn' });

    const replayed = open().engine;
    expect(replayed.view('app', 'paid')).toEqual({
      viewOn: 'orders',
      pipeline: [{ $match: { paid: true } }],
    });
    expect(replayed.collection('app', 'orders')?.options).toEqual({
      validator: { amount: { $gte: 0 } },
      validationAction: 'warn',
    });

    first.storage.checkpoint();
    first.engine.defineView('app', 'unpaid', { viewOn: 'orders', pipeline: [{ $match: { paid: false } }] });
    first.engine.dropCollection('app', 'paid');
    const recovered = open().engine;
    expect(recovered.viewsOf('app')).toEqual([
      ['unpaid', { viewOn: 'orders', pipeline: [{ $match: { paid: false } }] }],
    ]);
    expect(recovered.collection('app', 'orders')?.options).toEqual({
      validator: { amount: { $gte: 0 } },
      validationAction: 'warn',
    });
  });
});

describe('MongoEmulator with dataDir', () => {
  it('keeps collections, indexes, committed transactions and BSON types across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'engine-data-'));
    try {
      const first = await MongoEmulator.start({ dataDir });
      const client = await MongoClient.connect(first.uri);
      const payments = client.db('app').collection('payments');
      await payments.createIndex({ tenantId: 1, reference: 1 }, { unique: true });
      await payments.insertOne({
        _id: new ObjectId('65a1b2c3d4e5f60718293a4b'),
        tenantId: 't1',
        reference: 'r1',
        at: new Date(0),
      });
      const session = client.startSession();
      await session.withTransaction(async () => {
        await payments.insertOne({ tenantId: 't1', reference: 'r2' }, { session });
        await payments.updateOne({ reference: 'r1' }, { $set: { amount: Long.fromNumber(5) } }, { session });
      });
      const aborted = client.startSession();
      aborted.startTransaction();
      await payments.insertOne({ tenantId: 't1', reference: 'never' }, { session: aborted });
      await aborted.abortTransaction();
      await session.endSession();
      await aborted.endSession();
      await client.close();
      await first.stop();

      const second = await MongoEmulator.start({ dataDir });
      const again = await MongoClient.connect(second.uri, { promoteLongs: false });
      const recovered = again.db('app').collection('payments');
      expect(await recovered.find({}, { projection: { _id: 0 } }).toArray()).toEqual([
        { tenantId: 't1', reference: 'r1', at: new Date(0), amount: Long.fromNumber(5) },
        { tenantId: 't1', reference: 'r2' },
      ]);
      expect((await recovered.indexes()).map((index) => index.name)).toEqual([
        '_id_',
        'tenantId_1_reference_1',
      ]);
      await expect(recovered.insertOne({ tenantId: 't1', reference: 'r2' })).rejects.toMatchObject({
        code: 11000,
      });
      await again.close();
      await second.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
