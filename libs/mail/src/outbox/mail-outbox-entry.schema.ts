import { tenantOwnedSchema } from '@tenantpay/data-isolation';
import { MAIL_OUTBOX_COLLECTION } from '../mail.constant';
import type { MailOutboxEntry } from './mail-outbox-entry';
import { MAIL_MESSAGE_SCHEMA_FIELDS } from './mail-message-schema-fields';
import { MailStatus } from './mail-status.enum';

export const MAIL_OUTBOX_ENTRY_MODEL = 'MailOutboxEntry';

export const MailOutboxEntrySchema = tenantOwnedSchema<MailOutboxEntry>(MAIL_MESSAGE_SCHEMA_FIELDS, {
  collection: MAIL_OUTBOX_COLLECTION,
  shard: {
    key: { tenantId: 1, _id: 1 },
    reason: 'no unique index to fit; _id lets a big tenant’s mail split into many chunks',
  },
  minimize: false,
});

// The sweep across tenants (platform scope): `find({ status: 'pending', createdAt: { $lt: cutoff }, _id: { $gt:
// cursor } }).sort({ _id: 1 })`. Partial on pending rows, so it stays as small as the backlog.
MailOutboxEntrySchema.index(
  { tenantId: 1, _id: 1, createdAt: 1 },
  { partialFilterExpression: { status: MailStatus.Pending } },
);
