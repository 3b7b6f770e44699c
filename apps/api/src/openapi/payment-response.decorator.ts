import { ApiResponse } from '@nestjs/swagger';
import { PAYMENT_SCHEMA } from './openapi.constant';

/**
 * The handler answers one payment (`PaymentView`) with this status. `PaymentView` is an interface, which the
 * CLI plugin cannot turn into a schema, so the response names the written-out `Payment` schema.
 */
export const PaymentResponse = (status: number): MethodDecorator =>
  ApiResponse({
    status,
    description: 'The payment',
    schema: { $ref: `#/components/schemas/${PAYMENT_SCHEMA}` },
  });
