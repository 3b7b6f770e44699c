import type { PaymentBatchRow } from '@tenantpay/payments';
import { createValidationPipe, ValidationException } from '@tenantpay/platform';
import { CreatePaymentDto } from './create-payment.dto';

const rowPipe = createValidationPipe();
const REFERENCE = /^[\x21-\x7e]{1,100}$/;

/**
 * Validates each row of a batch with the very pipe and DTO that validate `POST /v1/payments`, so a row is
 * valid exactly when it would be valid alone, and its errors read the same.
 */
export async function validatePaymentBatchRows(rows: readonly unknown[]): Promise<PaymentBatchRow[]> {
  const validated: PaymentBatchRow[] = [];
  for (const row of rows) {
    try {
      const input = (await rowPipe.transform(row, {
        type: 'body',
        metatype: CreatePaymentDto,
      })) as CreatePaymentDto;
      validated.push({ valid: true, input: { ...input } });
    } catch (error) {
      if (!(error instanceof ValidationException)) throw error;
      validated.push({ valid: false, errors: error.details ?? [], reference: referenceOf(row) });
    }
  }
  return validated;
}

/** Kept with a rejected row's result only when it is a well-formed reference the caller can match on. */
function referenceOf(row: unknown): string | null {
  const reference =
    typeof row === 'object' && row !== null ? (row as { reference?: unknown }).reference : undefined;
  return typeof reference === 'string' && REFERENCE.test(reference) ? reference : null;
}
