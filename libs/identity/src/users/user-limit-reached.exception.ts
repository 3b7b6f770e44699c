import { DomainException, ErrorCode, type ErrorDetail } from '@tenantpay/platform';

/** Adding (or reactivating) a user would exceed the tenant's `maxUsers`. */
export class UserLimitReachedException extends DomainException {
  constructor(maxUsers: number) {
    const detail: ErrorDetail = { field: 'maxUsers', issue: 'limit reached', limit: maxUsers };
    super(
      ErrorCode.UserLimitReached,
      `Your plan allows ${maxUsers} active users. Deactivate a user or upgrade the plan to add another.`,
      [detail],
    );
  }
}
