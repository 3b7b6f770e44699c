/** Queue, job and collection names and delivery settings of the mail library, in one place. */

export const MAIL_OUTBOX_COLLECTION = 'mail_outbox';
/** The platform's own email, to its operators (no tenant). */
export const PLATFORM_MAIL_OUTBOX_COLLECTION = 'platform_mail_outbox';

/** Delivery jobs (tenants' and the platform's): one job per outbox row, its id derived from the row's. */
export const MAIL_DELIVERY_QUEUE = 'mail-delivery';
export const MAIL_DELIVERY_JOB = 'deliver-mail';
export const mailDeliveryJobId = (outboxId: string): string => `mail-${outboxId}`;

/** Cross-tenant sweep of rows still pending (their job was lost with Redis, or never enqueued). */
export const MAIL_MAINTENANCE_QUEUE = 'mail-maintenance';
export const MAIL_SWEEP_JOB = 'sweep-mail-outbox';
export const MAIL_SWEEP_INTERVAL_MS = 60_000;
/** A pending row younger than this still has its first job under way: the sweep leaves it alone. */
export const MAIL_SWEEP_GRACE_MS = 2 * 60_000;
/** Rows of the platform's outbox the sweep reads at a time. */
export const MAIL_SWEEP_PAGE_SIZE = 500;

/**
 * Attempts per message and the first retry delay; each further retry doubles it (5 s … about 10 min over 8
 * attempts), so an SMTP server that is down for minutes still gets the message.
 */
export const MAIL_DELIVERY_ATTEMPTS = 8;
export const MAIL_DELIVERY_BACKOFF_MS = 5_000;
/** How long one SMTP conversation may take before the attempt counts as failed. */
export const SMTP_TIMEOUT_MS = 15_000;
