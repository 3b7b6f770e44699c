import type { TenantOwnedFields } from '@tenantpay/data-isolation';
import type { MailMessage } from './mail-message';

/** A tenant's email, written in the same transaction as the change it tells about (tenant-owned `mail_outbox`). */
export interface MailOutboxEntry extends TenantOwnedFields, MailMessage {}
