/**
 * The payment gateway as payments use it. Every call carries an idempotency key (the payment id for a
 * charge, the refund id for a refund): a gateway that sees a key again returns the first outcome and moves
 * no money, which is what makes worker retries and stalled-job recovery safe.
 *
 * Outcomes: a returned result is definitive (succeeded, or declined for good); a thrown
 * GatewayUnavailableError is transient (retry later with the same key); anything else thrown is a bug.
 */
export interface PaymentGateway {
  charge(request: GatewayChargeRequest): Promise<GatewayChargeResult>;
  refund(request: GatewayRefundRequest): Promise<GatewayRefundResult>;
}

export interface GatewayChargeRequest {
  readonly idempotencyKey: string;
  readonly amount: number;
  readonly currency: string;
  readonly method: string;
  readonly paymentToken: string | null;
  /** Echoed back in the gateway's webhooks so they can be routed to the tenant and payment. */
  readonly metadata: { readonly tenantId: string; readonly paymentId: string };
}

export type GatewayChargeResult =
  | { readonly outcome: 'succeeded'; readonly gatewayReference: string }
  | {
      readonly outcome: 'declined';
      readonly gatewayReference: string;
      readonly code: string;
      readonly message: string;
    };

export interface GatewayRefundRequest {
  readonly idempotencyKey: string;
  readonly chargeReference: string;
  readonly amount: number;
  readonly currency: string;
}

export interface GatewayRefundResult {
  readonly gatewayReference: string;
}

export const PAYMENT_GATEWAY = Symbol('PAYMENT_GATEWAY');
