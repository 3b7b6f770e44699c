/** What one delivery attempt did: sent now, or nothing to do (already sent, failed for good, or gone). */
export type MailDeliveryOutcome = 'sent' | 'skipped';
