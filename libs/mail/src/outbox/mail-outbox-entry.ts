import type { TenantOwnedFields } from '@tenantpay/data-isolation';
import type { MailKind } from './mail-kind.enum';
import type { MailStatus } from './mail-status.enum';

/**
 * One email, written in the same transaction as the change it tells about, rendered already (text and HTML),
 * so delivery needs nothing but this row. Bodies may carry single-use links: the row is tenant-owned and never
 * shown through the API (only the development mailbox shows what the sink captured).
 */
export interface MailOutboxEntry extends TenantOwnedFields {
  kind: MailKind;
  to: string;
  /** Display name of the sender: the tenant's white-label name. */
  fromName: string;
  subject: string;
  text: string;
  html: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
}
