/**
 * The payment gateway as payments use it. Every call carries an idempotency key (the payment id for a
 * charge, the refund id for a refund): a gateway that sees a key again returns the first outcome and moves
 * no money, which is what makes worker retries and stalled-job recovery safe.
 *
 * Outcomes: a returned result is definitive (succeeded, or declined for good); a thrown
 * GatewayUnavailableError is transient (retry later with the same key); a thrown GatewayCallAbortedError
 * means the caller gave up waiting (`signal`, worker shutdown) and the outcome is whatever `findCharge` later
 * says; anything else thrown is a bug.
 */
export interface PaymentGateway {
  charge(request: GatewayChargeRequest, signal?: AbortSignal): Promise<GatewayChargeResult>;
  refund(request: GatewayRefundRequest, signal?: AbortSignal): Promise<GatewayRefundResult>;
  /**
   * What the gateway knows of the charge made under this idempotency key, including one whose answer never
   * reached us (a lost response, a killed worker). Never moves money: it is how the sweep settles a payment
   * whose job is gone without risking a second charge.
   */
  findCharge(idempotencyKey: string, signal?: AbortSignal): Promise<GatewayChargeLookup>;
}

/**
 * `settled`: the gateway recorded an outcome (money moved, or a definitive decline); `not_charged`: nothing was
 * ever charged under the key and nothing is in flight, so charging it now is the first charge; `unknown`: the
 * gateway cannot say yet (a charge under the key is still in flight, or the lookup itself failed).
 */
export type GatewayChargeLookup =
  | { readonly state: 'settled'; readonly result: GatewayChargeResult }
  | { readonly state: 'not_charged' }
  | { readonly state: 'unknown'; readonly reason: string };

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
