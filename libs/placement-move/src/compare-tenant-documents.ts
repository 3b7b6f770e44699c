import { TENANT_ID_FIELD, tenantOwnedCollectionOf, UPDATED_AT_FIELD } from '@tenantpay/data-isolation';
import { BSON } from 'mongodb';
import type { mongo } from 'mongoose';

import { canonicalDocumentDigest } from './canonical-document-digest';
import { changedSinceFilter, insertedSince } from './changed-since-filter';
import { CollectionChecksum } from './collection-checksum';
import { MoveDeadline } from './move-deadline';
import type { TenantCopyScope } from './tenant-copy-scope';

/** Which of the tenant's source documents one comparison reads, and which differences it may leave for later. */
export interface ComparisonWindow {
  /** Compare the documents written since then (see changedSinceFilter); undefined: every document. */
  readonly since?: Date;
  /**
   * A document written since then (or without an `updatedAt`) that differs from, or is missing on, the target
   * is still being caught up: it is deferred to a later comparison, not a mismatch. Undefined while frozen:
   * every difference is a mismatch.
   */
  readonly deferFrom?: Date;
}

/** What comparing one collection's documents one by one found. */
export interface DocumentComparison {
  readonly compared: number;
  /** Differing documents written too recently to judge (see ComparisonWindow.deferFrom). */
  readonly deferred: number;
  /** Differing documents that the catch-up should already have brought over: the copies are not equal. */
  readonly mismatched: number;
  /** Of the documents compared and not deferred, on each side (equal when nothing mismatched). */
  readonly sourceChecksum: string;
  readonly targetChecksum: string;
}

/**
 * Compares the tenant's source documents selected by `window` with the target's documents of the same `_id`,
 * each by the SHA-256 of its canonical BSON. A source document the target lacks is a difference like any
 * other. Target documents the source no longer has are not looked for here: the frozen check finds them by
 * comparing counts (see the runner). The whole tenant is compared by merging both sides read in `_id` order
 * (one scan of each: fetching each batch's copies by `_id` took 200 s for 100k documents on the test engine);
 * a window of recent writes by fetching each batch's copies by `_id`.
 */
export async function compareTenantDocuments(
  scope: TenantCopyScope,
  collection: string,
  window: ComparisonWindow,
  deadline: MoveDeadline = MoveDeadline.none,
): Promise<DocumentComparison> {
  const tally = new ComparisonTally(window.deferFrom);
  if (window.since === undefined && (await compareByMerge(scope, collection, tally, deadline)))
    return tally.result();
  const fresh = new ComparisonTally(window.deferFrom);
  await compareByLookup(scope, collection, window.since, fresh, deadline);
  return fresh.result();
}

/** The merge of both sides in `_id` order; false (nothing concluded) when an id is not an ObjectId. */
async function compareByMerge(
  scope: TenantCopyScope,
  collection: string,
  tally: ComparisonTally,
  deadline: MoveDeadline,
): Promise<boolean> {
  const inOrder = (connection: TenantCopyScope['source']) =>
    tenantOwnedCollectionOf(connection, collection)
      .find({ [TENANT_ID_FIELD]: scope.tenantId }, { batchSize: scope.batchSize })
      .sort({ _id: 1 });
  const sourceCursor = inOrder(scope.source);
  const targetCursor = inOrder(scope.target);
  try {
    let copy = await targetCursor.next();
    for await (const document of sourceCursor) {
      if (tally.compared % scope.batchSize === 0) deadline.check();
      const id: unknown = document['_id'];
      if (!(id instanceof BSON.ObjectId)) return false;
      while (copy !== null && copy['_id'] instanceof BSON.ObjectId && compareIds(copy['_id'], id) < 0)
        copy = await targetCursor.next();
      if (copy !== null && !(copy['_id'] instanceof BSON.ObjectId)) return false;
      const same = copy !== null && compareIds(copy['_id'] as BSON.ObjectId, id) === 0;
      tally.add(document, same ? copy : null);
      if (same) copy = await targetCursor.next();
    }
    return true;
  } finally {
    await Promise.all([sourceCursor.close(), targetCursor.close()]);
  }
}

/** Any id type: each batch of source documents, then its copies fetched by `_id`. */
async function compareByLookup(
  scope: TenantCopyScope,
  collection: string,
  since: Date | undefined,
  tally: ComparisonTally,
  deadline: MoveDeadline,
): Promise<void> {
  const filter =
    since === undefined ? { [TENANT_ID_FIELD]: scope.tenantId } : changedSinceFilter(scope.tenantId, since);
  const cursor = tenantOwnedCollectionOf(scope.source, collection).find(filter, {
    batchSize: scope.batchSize,
  });
  const target = tenantOwnedCollectionOf(scope.target, collection);
  let batch: mongo.Document[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    deadline.check();
    const copies = await target
      .find(
        { [TENANT_ID_FIELD]: scope.tenantId, _id: { $in: batch.map((document) => document['_id']) } },
        // Without the hint the test engine scanned the tenant's index for each batch (10 s per 1,000 ids).
        { hint: { _id: 1 }, batchSize: batch.length },
      )
      .toArray();
    const byId = new Map(copies.map((copy) => [idKey(copy['_id']), copy]));
    for (const document of batch) tally.add(document, byId.get(idKey(document['_id'])) ?? null);
    batch = [];
  };
  try {
    for await (const document of cursor) {
      batch.push(document);
      if (batch.length >= scope.batchSize) await flush();
    }
    await flush();
  } finally {
    await cursor.close();
  }
}

/** Judges each source document against its copy (null: none) and keeps the counts and checksums. */
class ComparisonTally {
  compared = 0;
  private deferred = 0;
  private mismatched = 0;
  private readonly sourceChecksum = new CollectionChecksum();
  private readonly targetChecksum = new CollectionChecksum();

  constructor(private readonly deferFrom: Date | undefined) {}

  add(document: mongo.Document, copy: mongo.Document | null): void {
    this.compared += 1;
    const digest = canonicalDocumentDigest(document);
    const copyDigest = copy === null ? undefined : canonicalDocumentDigest(copy);
    if (copyDigest !== undefined && copyDigest.equals(digest)) {
      this.sourceChecksum.addDigest(digest);
      this.targetChecksum.addDigest(copyDigest);
    } else if (isStillChanging(document, this.deferFrom)) this.deferred += 1;
    else this.mismatched += 1;
  }

  result(): DocumentComparison {
    return {
      compared: this.compared,
      deferred: this.deferred,
      mismatched: this.mismatched,
      sourceChecksum: this.sourceChecksum.digest,
      targetChecksum: this.targetChecksum.digest,
    };
  }
}

function compareIds(a: BSON.ObjectId, b: BSON.ObjectId): number {
  return Buffer.compare(Buffer.from(a.id), Buffer.from(b.id));
}

/**
 * Written at or after `deferFrom` (updated, or inserted: see changedSinceFilter), or without a date in
 * `updatedAt` at all (such documents are re-read by every catch-up pass and every comparison, see
 * changedSinceFilter, so the frozen one judges them).
 */
function isStillChanging(document: mongo.Document, deferFrom: Date | undefined): boolean {
  if (deferFrom === undefined) return false;
  if (insertedSince(document['_id'], deferFrom)) return true;
  const updatedAt: unknown = document[UPDATED_AT_FIELD];
  if (updatedAt === undefined || updatedAt === null) return true;
  return updatedAt instanceof Date && updatedAt.getTime() >= deferFrom.getTime();
}

/** A key equal for equal ids of any BSON type (ObjectIds compare by value, not by object identity). */
function idKey(id: unknown): string {
  return id instanceof BSON.ObjectId
    ? `oid:${id.toHexString()}`
    : BSON.EJSON.stringify({ id }, { relaxed: false });
}
