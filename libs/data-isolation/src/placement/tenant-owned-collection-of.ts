import type { Connection, mongo } from 'mongoose';
import { isTenantOwnedCollection } from '../wall/tenant-owned-collection-names';

/**
 * The raw driver collection of one tenant-owned collection on one placement's connection: what moving a tenant
 * between placements copies, catches up and verifies, below any repository (a move must reach every collection
 * the registry knows, including ones no repository in this process serves, and must write `_id`s and
 * timestamps exactly as they are). It lives here because raw collections are data-isolation's to hand out; the
 * mover's commands all carry the moved tenant's `tenantId` as a top-level condition, so the command wall judges
 * them as any other tenant command. A platform-owned name is refused: a move never copies them.
 */
export function tenantOwnedCollectionOf(connection: Connection, name: string): mongo.Collection {
  if (!isTenantOwnedCollection(name)) throw new Error(`"${name}" is not a tenant-owned collection`);
  const db = connection.db;
  if (db === undefined) throw new Error('MongoDB is not connected');
  return db.collection(name);
}
