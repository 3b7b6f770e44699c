import type { IndexOutsideSchema } from '@tenantpay/data-isolation';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When an ended credential (session, invitation, password reset) may be deleted: `retentionDays` after the last
 * moment one of its tokens could still have been accepted. Until then a late token gets its precise answer
 * (refresh-token reuse, invitation used/revoked/expired, reset used/expired) rather than "unknown", and audit
 * events that name it can still be traced to it. MongoDB's TTL monitor does the deleting (PURGE_AFTER_TTL_INDEX).
 */
export function purgeAfter(lastUsableAt: Date, retentionDays: number): Date {
  return new Date(lastUsableAt.getTime() + retentionDays * DAY_MS);
}

/**
 * The TTL index on `purgeAfter`: each document is deleted once its own date has passed (expireAfterSeconds 0),
 * so a changed retention applies to credentials that end from then on and the index never has to change. A
 * credential still usable has no `purgeAfter` yet, or one later than its own expiry, so it is never deleted.
 * Tenant-owned schemas cannot declare it (TTL indexes are single-field; tenantOwnedSchema wants `tenantId`
 * first): it serves no query and is not unique, so neither reason for that rule applies.
 */
export const PURGE_AFTER_TTL_INDEX: IndexOutsideSchema = {
  key: { purgeAfter: 1 },
  options: { expireAfterSeconds: 0, name: 'purgeAfter_ttl' },
};
