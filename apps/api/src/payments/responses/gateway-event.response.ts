import type { GatewayEventView } from '@tenantpay/payments';

/** An event the payment gateway sent about the payment, and what applying it did. */
export class GatewayEventResponse implements GatewayEventView {
  /** The gateway's own event id. @example "gw_evt_8f2c1a" */
  readonly id!: string;
  /** @example "payment.captured" */
  readonly type!: string;
  readonly receivedAt!: string;
  /** Null while it waits to be applied. */
  readonly processedAt!: string | null;
  /** `applied`, or why it changed nothing. @example "applied" */
  readonly result!: string | null;
}
