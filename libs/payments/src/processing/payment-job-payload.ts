/** The payload of a payments job; the tenant travels beside it in TenantJobData and is restored by the runner. */
export interface PaymentJobPayload {
  readonly paymentId: string;
  /** Set on refund jobs. */
  readonly refundId?: string;
}
