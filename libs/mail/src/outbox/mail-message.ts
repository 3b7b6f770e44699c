import type { MailKind } from './mail-kind.enum';
import type { MailStatus } from './mail-status.enum';

/**
 * One email as the outbox keeps it, whoever owns it (a tenant's `mail_outbox` or the platform's
 * `platform_mail_outbox`): rendered already (text and HTML), so delivery needs nothing but the row. Bodies may
 * carry single-use links: rows are never shown through the API (only the development mailbox shows what the
 * sink captured).
 */
export interface MailMessage {
  kind: MailKind;
  to: string;
  /** Display name of the sender: the tenant's white-label name, or the platform's. */
  fromName: string;
  subject: string;
  text: string;
  html: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
}
