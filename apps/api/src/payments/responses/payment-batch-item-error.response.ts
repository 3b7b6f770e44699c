import { ApiProperty } from '@nestjs/swagger';
import type { ErrorDetail } from '@tenantpay/platform';
import type { PaymentBatchItemError } from '@tenantpay/payments';

/** Why a row did not become a payment, in the API's error terms. */
export class PaymentBatchItemErrorResponse implements PaymentBatchItemError {
  /** An API error code. @example "validation_error" */
  readonly code!: string;
  readonly message!: string;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  readonly details!: readonly ErrorDetail[];
}
