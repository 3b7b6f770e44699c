import { tenantOwnedSchema } from '@tenantpay/data-isolation';
import { MAIL_OUTBOX_COLLECTION } from '../mail.constant';
import { MailKind } from './mail-kind.enum';
import type { MailOutboxEntry } from './mail-outbox-entry';
import { MailStatus } from './mail-status.enum';

export const MAIL_OUTBOX_ENTRY_MODEL = 'MailOutboxEntry';

export const MailOutboxEntrySchema = tenantOwnedSchema<MailOutboxEntry>(
  {
    kind: { type: String, enum: Object.values(MailKind), required: true },
    to: { type: String, required: true, maxlength: 254 },
    fromName: { type: String, required: true, maxlength: 200 },
    subject: { type: String, required: true, maxlength: 300 },
    text: { type: String, required: true },
    html: { type: String, required: true },
    status: { type: String, enum: Object.values(MailStatus), required: true, default: MailStatus.Pending },
    attempts: { type: Number, required: true, default: 0 },
    lastError: { type: String, default: null },
    sentAt: { type: Date, default: null },
  },
  { collection: MAIL_OUTBOX_COLLECTION, minimize: false },
);

// The sweep across tenants (platform scope): `find({ status: 'pending', createdAt: { $lt: cutoff }, _id: { $gt:
// cursor } }).sort({ _id: 1 })`. Partial on pending rows, so it stays as small as the backlog.
MailOutboxEntrySchema.index(
  { tenantId: 1, _id: 1, createdAt: 1 },
  { partialFilterExpression: { status: MailStatus.Pending } },
);
