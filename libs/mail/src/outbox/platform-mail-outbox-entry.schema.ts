import { Schema } from 'mongoose';
import { PLATFORM_MAIL_OUTBOX_COLLECTION } from '../mail.constant';
import { MAIL_MESSAGE_SCHEMA_FIELDS } from './mail-message-schema-fields';
import { MailStatus } from './mail-status.enum';
import type { PlatformMailOutboxEntry } from './platform-mail-outbox-entry';

export const PLATFORM_MAIL_OUTBOX_ENTRY_MODEL = 'PlatformMailOutboxEntry';

export const PlatformMailOutboxEntrySchema = new Schema<PlatformMailOutboxEntry>(MAIL_MESSAGE_SCHEMA_FIELDS, {
  collection: PLATFORM_MAIL_OUTBOX_COLLECTION,
  timestamps: true,
  strict: 'throw',
  strictQuery: 'throw',
  minimize: false,
});

// The sweep: `find({ status: 'pending', createdAt: { $lt: cutoff }, _id: { $gt: cursor } }).sort({ _id: 1 })`.
// Partial on pending rows, so it stays as small as the backlog.
PlatformMailOutboxEntrySchema.index(
  { _id: 1, createdAt: 1 },
  { partialFilterExpression: { status: MailStatus.Pending } },
);
