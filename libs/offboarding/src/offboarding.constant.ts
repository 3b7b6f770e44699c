/** The platform-owned collection holding one offboarding record per tenant. */
export const TENANT_OFFBOARDING_COLLECTION = 'tenant_offboardings';
export const TENANT_OFFBOARDING_MODEL = 'TenantOffboarding';

/** The worker's queue and its one repeatable job: look for requested exports and deletions that are due. */
export const OFFBOARDING_QUEUE = 'tenant-offboarding';
export const OFFBOARDING_SWEEP_JOB = 'offboarding-sweep';

/**
 * How long a worker holds a claimed export or deletion before another may take it over (the first one died).
 * Longer than an export of a large tenant is expected to take; a live worker never loses its claim mid-way
 * because every step it writes is idempotent (files are rewritten, deletes repeated).
 */
export const OFFBOARDING_LEASE_MS = 30 * 60 * 1000;

/** What a failed export waits before it is tried again. */
export const OFFBOARDING_RETRY_DELAY_MS = 60 * 1000;

/** The archive's layout version, written in its manifest. */
export const OFFBOARDING_ARCHIVE_FORMAT = 'tenantpay-offboarding-export/1';
