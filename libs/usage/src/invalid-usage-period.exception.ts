import { ValidationException } from '@tenantpay/platform';

/** A period that is not a month written `YYYY-MM`, or one that has not begun yet. */
export class InvalidUsagePeriodException extends ValidationException {
  constructor(issue: string) {
    super([{ field: 'period', issue }]);
  }
}
