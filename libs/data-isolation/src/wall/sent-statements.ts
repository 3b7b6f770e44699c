import { BSON } from 'mongodb';

/** The driver's OP_MSG document sequence (bulk inserts, updates, deletes): a header chunk, then one per document. */
interface DocumentSequenceLike {
  readonly field: string;
  readonly chunks: readonly Uint8Array[];
}

/**
 * The statements of an `insert`/`update`/`delete` as they will go on the wire. Bulk writes carry them as a
 * document sequence whose documents were serialized when the batch was built, before any await; the JS objects
 * beside the bytes could have been changed since. So the wall judges the bytes that will be sent, read back,
 * never the objects. Anything else that is not an array is returned as is (and refused as malformed).
 */
export function sentStatements(value: unknown): unknown {
  if (!isDocumentSequence(value)) return value;
  return value.chunks.slice(1).map((chunk) => BSON.deserialize(chunk));
}

/**
 * The command as MongoDB will read it: values the driver serializes through their own `toBSON()` (Mongoose
 * subdocuments in a cast update, for example) become the documents they turn into. Only used when a command
 * holds such a value, which the guards refuse as uninspectable when they meet it as it is.
 */
export function commandAsSent(command: Record<string, unknown>): Record<string, unknown> {
  const sent: Record<string, unknown> = {};
  for (const key of Object.keys(command)) {
    const value = command[key];
    sent[key] = isDocumentSequence(value) ? value : BSON.deserialize(BSON.serialize({ value }))['value'];
  }
  return sent;
}

function isDocumentSequence(value: unknown): value is DocumentSequenceLike {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const candidate = value as Partial<DocumentSequenceLike>;
  return (
    typeof candidate.field === 'string' &&
    Array.isArray(candidate.chunks) &&
    candidate.chunks.every((chunk) => chunk instanceof Uint8Array)
  );
}
