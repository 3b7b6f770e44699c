import { ErrorCode } from '@tenantpay/platform';

/**
 * The result of a row whose chunk failed for good before the row's payment was committed. Its key is closed,
 * so the row can never turn into a payment later: submitting it again (in a new batch) cannot charge twice.
 */
export const ROW_ABANDONED = Object.freeze({
  code: ErrorCode.InternalError,
  message:
    'No payment was created for this row: processing its part of the batch kept failing and was given up. ' +
    'Submit the row again in a new batch.',
});
