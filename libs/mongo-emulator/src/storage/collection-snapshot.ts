import type { Document } from 'bson';

/**
 * A point-in-time view of a collection, kept without copying: while the snapshot is open the collection
 * hands it the previous version (preimage) of every document before overwriting or deleting it. A
 * document is read from the preimages if it changed since the snapshot, otherwise from the collection.
 * Having a preimage is also exactly "changed since the snapshot", which is what write conflicts need.
 */
export class CollectionSnapshot {
  private readonly preimages = new Map<string, Document | undefined>();

  constructor(
    private readonly current: {
      get(idKey: string): Document | undefined;
      entries(): Iterable<[string, Document]>;
    },
    private readonly onClose: (snapshot: CollectionSnapshot) => void,
  ) {}

  /** Called by the collection just before it changes the document under `idKey`. */
  recordPreimage(idKey: string, document: Document | undefined): void {
    if (!this.preimages.has(idKey)) this.preimages.set(idKey, document);
  }

  changedSince(idKey: string): boolean {
    return this.preimages.has(idKey);
  }

  /** `_id` keys of the documents changed since the snapshot, in the order they first changed. */
  changedIds(): Iterable<string> {
    return this.preimages.keys();
  }

  get(idKey: string): Document | undefined {
    return this.preimages.has(idKey) ? this.preimages.get(idKey) : this.current.get(idKey);
  }

  *entries(): Iterable<[string, Document]> {
    for (const [idKey, document] of this.current.entries()) {
      const visible = this.preimages.has(idKey) ? this.preimages.get(idKey) : document;
      if (visible !== undefined) yield [idKey, visible];
    }
    // Documents deleted since the snapshot are no longer in the collection.
    for (const [idKey, preimage] of this.preimages) {
      if (preimage !== undefined && this.current.get(idKey) === undefined) yield [idKey, preimage];
    }
  }

  close(): void {
    this.onClose(this);
  }
}
