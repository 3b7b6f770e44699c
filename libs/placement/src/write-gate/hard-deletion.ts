import { BSON } from 'mongodb';

/** One document a hard delete of a moving tenant is about to remove, as the mover's ledger records it. */
export interface HardDeletion {
  readonly collectionName: string;
  /** The document's `_id`, of whatever BSON type its collection uses. */
  readonly id: unknown;
}

/**
 * The ledger member of a deletion: canonical Extended JSON, which keeps the id's BSON type and gives equal ids
 * one member, so recording a deletion twice keeps one and forgetting it removes it.
 */
export function hardDeletionMember(deletion: HardDeletion): string {
  return BSON.EJSON.stringify(
    { collectionName: deletion.collectionName, id: deletion.id },
    { relaxed: false },
  );
}

export function parseHardDeletionMember(member: string): HardDeletion {
  const parsed: unknown = BSON.EJSON.parse(member, { relaxed: false });
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    typeof (parsed as HardDeletion).collectionName !== 'string'
  )
    throw new Error(`Not a recorded hard deletion: ${member}`);
  const { collectionName, id } = parsed as HardDeletion;
  return { collectionName, id };
}
