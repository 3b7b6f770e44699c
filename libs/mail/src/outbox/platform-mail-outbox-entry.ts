import type { Types } from 'mongoose';
import type { MailMessage } from './mail-message';

/**
 * An email to a platform operator (platform-owned `platform_mail_outbox`, no tenant), written in the same
 * transaction as the change it tells about. The command wall keeps the collection closed to tenant contexts.
 */
export interface PlatformMailOutboxEntry extends MailMessage {
  _id: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
}
