import { ErrorCode } from '@tenantpay/platform';

/**
 * The result of a row still waiting for its payment when its tenant was suspended. Suspension stops a tenant's
 * payments at once, and may last indefinitely (unpaid bills, fraud review, then archiving), so the batch does
 * not wait for a reactivation that may never come: the row fails, its quota unit is given back, and its key is
 * closed like an abandoned row's, so a reactivated tenant's late retry cannot create it behind the recorded
 * result. Submitting the row again after reactivation is the way on.
 */
export const ROW_TENANT_SUSPENDED = Object.freeze({
  code: ErrorCode.TenantSuspended,
  message:
    'No payment was created for this row: the tenant was suspended before the row was processed. ' +
    'Submit the row again in a new batch once the tenant is active.',
});
