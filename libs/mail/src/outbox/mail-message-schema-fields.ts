import type { SchemaDefinition } from 'mongoose';
import { MailKind } from './mail-kind.enum';
import { MailStatus } from './mail-status.enum';

/** The fields of an outbox row, shared by the tenant-owned and the platform-owned outbox. */
export const MAIL_MESSAGE_SCHEMA_FIELDS: SchemaDefinition = {
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
};
