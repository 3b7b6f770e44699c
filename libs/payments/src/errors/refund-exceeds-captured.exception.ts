import { ValidationException } from '@tenantpay/platform';

export class RefundExceedsCapturedException extends ValidationException {
  constructor(refundable: number) {
    super(
      [{ field: 'amount', issue: `must be at most the refundable amount (${refundable} minor units)` }],
      'The refund would exceed the captured amount.',
    );
  }
}
