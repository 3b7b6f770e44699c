import type { components } from '@tenantpay/sdk';

/** A payment as the API's document declares it. */
export type Payment = components['schemas']['Payment'];
export type PaymentStatus = Payment['status'];
export type PaymentMethod = Payment['method'];

export const PAYMENT_STATUSES: readonly PaymentStatus[] = [
  'AWAITING_APPROVAL',
  'PENDING',
  'PROCESSING',
  'COMPLETED',
  'FAILED',
  'CANCELED',
  'REJECTED',
  'PARTIALLY_REFUNDED',
  'REFUNDED',
];

export const PAYMENT_METHODS: readonly PaymentMethod[] = ['card', 'bank_transfer', 'direct_debit', 'wallet'];

/** "AWAITING_APPROVAL" → "Awaiting approval", "bank_transfer" → "Bank transfer". */
export function humanize(code: string): string {
  const words = code.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `GET /v1/payments`: one cursor page (the document declares no list body yet). */
export interface PaymentList {
  readonly data: readonly Payment[];
  readonly has_more: boolean;
}
