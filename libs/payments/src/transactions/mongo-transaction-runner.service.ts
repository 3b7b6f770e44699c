import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { ClientSession, Connection } from 'mongoose';

/**
 * Runs work in one MongoDB transaction: a payment with its idempotency record, a status change with the event
 * announcing it. The driver's withTransaction (commit retries, transient-error retries) rather than Mongoose's
 * `connection.transaction`: on abort the latter resets tracked documents by setting `__v` on subdocuments,
 * which strict ('throw') tenant-owned schemas refuse, turning a duplicate-key abort into a StrictModeError.
 */
@Injectable()
export class MongoTransactionRunner {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  async run<R>(work: (session: ClientSession) => Promise<R>): Promise<R> {
    const session = await this.connection.startSession();
    try {
      let result: R | undefined;
      await session.withTransaction(async () => {
        result = await work(session);
      });
      return result as R;
    } finally {
      await session.endSession();
    }
  }
}
