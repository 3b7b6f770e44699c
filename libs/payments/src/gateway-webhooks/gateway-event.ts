import type { TenantOwnedFields } from '@tenantpay/data-isolation';

/** An inbound gateway webhook as stored before it is acknowledged. */
export interface GatewayEvent extends TenantOwnedFields {
  eventId: string;
  type: string;
  paymentId: string;
  payload: unknown;
  processedAt: Date | null;
  /** What applying it did: `applied`, or why it changed nothing. */
  result: string | null;
}
