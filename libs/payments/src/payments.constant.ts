/** Queue, job, header, collection and Redis key names of the payments library, in one place. */

export const PAYMENTS_QUEUE = 'payments';

export const PaymentJobName = {
  ProcessPayment: 'process-payment',
  ProcessRefund: 'process-refund',
} as const;
export type PaymentJobNameValue = (typeof PaymentJobName)[keyof typeof PaymentJobName];

/**
 * Cross-tenant maintenance of payments, run by the worker on a schedule with no tenant context (hence a queue
 * of its own: every job of the payments queue carries a tenant).
 */
export const PAYMENTS_MAINTENANCE_QUEUE = 'payments-maintenance';

export const PaymentMaintenanceJobName = {
  SweepStuckPayments: 'sweep-stuck-payments',
  DispatchPaymentEvents: 'dispatch-payment-events',
  SweepStuckBatches: 'sweep-stuck-payment-batches',
} as const;

/**
 * Sweeps that may find the gateway unable to say whether a PROCESSING payment was charged (each one grace period
 * apart) before the payment is left for a person: it is then reported as needing attention on every sweep (log
 * and metric) and never guessed at, because guessing either way risks a lost or a double charge.
 */
export const MAX_UNKNOWN_RECONCILIATIONS = 10;

/** BullMQ refuses `:` in custom job ids; the prefix keeps payment and refund jobs apart. */
export const paymentJobId = (paymentId: string): string => `payment-${paymentId}`;
export const refundJobId = (refundId: string): string => `refund-${refundId}`;

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';
/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, sent by the payment gateway. */
export const GATEWAY_SIGNATURE_HEADER = 'Gateway-Signature';

export const PAYMENT_COLLECTION = 'payments';
export const IDEMPOTENCY_RECORD_COLLECTION = 'idempotency_records';
export const GATEWAY_EVENT_COLLECTION = 'gateway_events';
export const PAYMENT_OUTBOX_COLLECTION = 'payment_outbox';

/** The simulated gateway's ledger, shared by every worker process like a real gateway's would be. */
export const simulatedGatewayKeys = {
  charge: (idempotencyKey: string) => `simgw:{${idempotencyKey}}:charge`,
  attempts: (idempotencyKey: string) => `simgw:{${idempotencyKey}}:attempts`,
  refund: (idempotencyKey: string) => `simgw:{${idempotencyKey}}:refund`,
  chargeCount: (idempotencyKey: string) => `simgw:{${idempotencyKey}}:charges`,
  /** Calls deciding a charge under the key right now: while above 0, a lookup answers `unknown`. */
  inFlight: (idempotencyKey: string) => `simgw:{${idempotencyKey}}:inflight`,
} as const;

/** Bulk payments: chunks of a batch are processed apart from single payments, so a batch never starves them. */
export const PAYMENT_BATCHES_QUEUE = 'payment-batches';
export const PaymentBatchJobName = { ProcessChunk: 'process-batch-chunk' } as const;
export const paymentBatchChunkJobId = (batchId: string, fromRow: number): string =>
  `batch-${batchId}-${fromRow}`;
/**
 * The Idempotency-Key under which the worker creates a batch row's payment: a retried chunk replays the row's
 * stored response instead of creating a second payment. Contains the batch id, so no client key can collide.
 */
export const paymentBatchRowIdempotencyKey = (batchId: string, row: number): string =>
  `batch:${batchId}:row:${row}`;
export const PAYMENT_BATCH_COLLECTION = 'payment_batches';
export const PAYMENT_BATCH_ITEM_COLLECTION = 'payment_batch_items';
/** Rows per batch request (SPEC §9 bulk payments). */
export const MAX_PAYMENT_BATCH_ROWS = 10_000;
/** Row errors listed in the creation response; every row's result is in the batch's items. */
export const PAYMENT_BATCH_RESPONSE_ERROR_LIMIT = 1_000;
