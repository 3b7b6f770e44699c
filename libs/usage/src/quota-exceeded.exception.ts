import { DomainException, ErrorCode } from '@tenantpay/platform';

import { QUOTA_RESET_HEADER, RETRY_AFTER_HEADER } from './usage.constant';

/** The tenant used its monthly allowance; it is available again at the start of the next period (UTC). */
export class QuotaExceededException extends DomainException {
  constructor(metric: string, limit: number, period: string, resetsAt: Date, now: Date) {
    const retryAfterSeconds = Math.max(1, Math.ceil((resetsAt.getTime() - now.getTime()) / 1000));
    super(
      ErrorCode.QuotaExceeded,
      `The monthly ${metric} quota of your plan is used up; it resets at ${resetsAt.toISOString()}.`,
      [{ field: metric, issue: 'monthly quota exceeded', limit, period, resetsAt: resetsAt.toISOString() }],
      {
        [RETRY_AFTER_HEADER]: String(retryAfterSeconds),
        [QUOTA_RESET_HEADER]: String(Math.floor(resetsAt.getTime() / 1000)),
      },
    );
  }
}
