import { Long, type Document } from 'bson';
import { CommandError } from '../commands/command-error';

interface OpenCursor {
  readonly namespace: string;
  remaining: Document[];
}

const DEFAULT_FIRST_BATCH_SIZE = 101;

/**
 * Results are computed in full when a cursor opens (a consistent snapshot, and transaction views need
 * no cursor-side state); the registry only hands them out in batches.
 */
export class CursorRegistry {
  private nextId = 1n;
  private readonly cursors = new Map<bigint, OpenCursor>();

  /** The `cursor` field of a find/aggregate/list* reply. */
  open(
    namespace: string,
    documents: Document[],
    options: { batchSize?: unknown; singleBatch?: boolean } = {},
  ): Document {
    const batchSize = typeof options.batchSize === 'number' ? options.batchSize : DEFAULT_FIRST_BATCH_SIZE;
    const firstBatch = options.singleBatch === true ? documents : documents.slice(0, batchSize);
    const remaining = documents.slice(firstBatch.length);
    let id = Long.ZERO;
    if (remaining.length > 0) {
      const cursorId = this.nextId++;
      this.cursors.set(cursorId, { namespace, remaining });
      id = Long.fromBigInt(cursorId);
    }
    return { firstBatch, id, ns: namespace };
  }

  more(cursorId: unknown, batchSize: unknown): Document {
    const key = toBigInt(cursorId);
    const cursor = this.cursors.get(key);
    if (cursor === undefined) throw new CommandError('CursorNotFound', `cursor id ${key} not found`);
    const size = typeof batchSize === 'number' && batchSize > 0 ? batchSize : cursor.remaining.length;
    const nextBatch = cursor.remaining.slice(0, size);
    cursor.remaining = cursor.remaining.slice(size);
    const exhausted = cursor.remaining.length === 0;
    if (exhausted) this.cursors.delete(key);
    return { nextBatch, id: exhausted ? Long.ZERO : Long.fromBigInt(key), ns: cursor.namespace };
  }

  kill(cursorIds: unknown[]): { killed: Long[]; notFound: Long[] } {
    const killed: Long[] = [];
    const notFound: Long[] = [];
    for (const cursorId of cursorIds) {
      const key = toBigInt(cursorId);
      (this.cursors.delete(key) ? killed : notFound).push(Long.fromBigInt(key));
    }
    return { killed, notFound };
  }

  closeAll(): void {
    this.cursors.clear();
  }
}

function toBigInt(cursorId: unknown): bigint {
  if (typeof cursorId === 'number') return BigInt(cursorId);
  if (typeof cursorId === 'bigint') return cursorId;
  if (cursorId instanceof Long) return cursorId.toBigInt();
  throw new CommandError('TypeMismatch', 'cursor id must be an integer');
}
