import type { PaymentMethod } from './payment-method.enum';

/** A new payment as a caller asks for it (validated DTO shape). */
export interface CreatePaymentInput {
  readonly amount: number;
  readonly currency: string;
  readonly reference: string;
  readonly method: PaymentMethod;
  readonly description?: string;
  readonly metadata?: Record<string, string>;
  readonly paymentToken?: string;
}

export interface RefundPaymentInput {
  /** Minor units; the whole refundable remainder when omitted. */
  readonly amount?: number;
  readonly reason?: string;
}
