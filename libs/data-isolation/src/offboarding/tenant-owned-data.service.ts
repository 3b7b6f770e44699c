import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection, mongo } from 'mongoose';
import { TENANT_ID_FIELD } from '../data-isolation.constant';
import { DataIsolationService } from '../data-isolation.service';
import { isTenantOwnedCollection, tenantOwnedCollectionNames } from '../wall/tenant-owned-collection-names';

/** Documents fetched per round trip while exporting: the most an export holds in memory from one collection. */
export const TENANT_DATA_EXPORT_BATCH_SIZE = 500;

/** Ids recorded for a mover, then deleted, per round trip while a moving tenant's data is purged. */
export const TENANT_DATA_PURGE_BATCH_SIZE = 500;

/**
 * Whole-tenant operations for offboarding: read every document of the context's tenant in every tenant-owned
 * collection (soft-deleted ones too: an export is everything the platform holds), and delete them for good.
 * Raw driver collections, not repositories: offboarding must reach every collection the registry knows,
 * including ones no repository in this process serves. Each command still carries the context's tenant as a
 * top-level condition, so the command wall judges it as any other tenant command; outside a tenant context
 * nothing runs (tenantObjectId throws). They run on the context tenant's placement, where its data lives.
 */
@Injectable()
export class TenantOwnedDataService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly isolation: DataIsolationService,
  ) {}

  collections(): readonly string[] {
    return tenantOwnedCollectionNames();
  }

  /** The tenant's documents of one collection, from a cursor: one batch in memory at a time. */
  async *documents(collection: string): AsyncGenerator<mongo.Document> {
    const filter = { [TENANT_ID_FIELD]: this.isolation.tenantObjectId() };
    const cursor = (await this.collection(collection)).find(filter, {
      batchSize: TENANT_DATA_EXPORT_BATCH_SIZE,
    });
    try {
      for await (const document of cursor) yield document;
    } finally {
      await cursor.close();
    }
  }

  /**
   * Deletes every document of the context's tenant in one collection (hard delete); the number deleted. It is
   * a write like any other to the placement write gate: refused while a move freezes the tenant (the offboarding
   * sweep retries), and while the tenant is being moved every id is recorded for the mover before it goes, a
   * batch at a time, as the repository's hard delete does (a move learns of hard deletes only from that record;
   * see AdmittedWrite.recordDeletions).
   */
  async purge(collection: string): Promise<number> {
    const tenantId = this.isolation.tenantObjectId();
    const filter = { [TENANT_ID_FIELD]: tenantId };
    const target = await this.collection(collection);
    let deleted = 0;
    for (;;) {
      const write = await this.isolation.admitWrite(tenantId.toHexString());
      if (write.recordDeletions === undefined) {
        deleted += (await target.deleteMany(filter)).deletedCount;
        write.landed();
        return deleted;
      }
      const ids = (
        await target.find(filter, { projection: { _id: 1 }, limit: TENANT_DATA_PURGE_BATCH_SIZE }).toArray()
      ).map((document) => document._id);
      if (ids.length === 0) {
        write.landed();
        return deleted;
      }
      await write.recordDeletions(collection, ids);
      deleted += (await target.deleteMany({ ...filter, _id: { $in: ids } })).deletedCount;
      write.landed();
    }
  }

  private async collection(name: string): Promise<mongo.Collection> {
    if (!isTenantOwnedCollection(name)) throw new Error(`"${name}" is not a tenant-owned collection`);
    const db = (await this.isolation.connectionFor(this.connection)).db;
    if (db === undefined) throw new Error('MongoDB is not connected');
    return db.collection(name);
  }
}
