import type { Types } from 'mongoose';
import type { MailMessage } from './mail-message';

/** What one delivery attempt needs of an outbox, tenant-owned or platform-owned. */
export interface MailOutboxStore {
  findById(id: string): Promise<(MailMessage & { readonly _id: Types.ObjectId }) | null>;
  markSent(id: Types.ObjectId): Promise<void>;
  /** One failed attempt; the last one also closes the row so the sweep stops retrying it. */
  recordFailure(id: Types.ObjectId, message: string, final: boolean): Promise<void>;
}
