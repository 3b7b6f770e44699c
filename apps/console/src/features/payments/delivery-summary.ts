import type { components } from '@tenantpay/sdk';

/** A webhook event's deliveries by status, as `GET /v1/payments/{id}/events` counts them. */
export type DeliveryCounts = components['schemas']['WebhookDeliveryCountsResponse'];

const ORDER: readonly [keyof DeliveryCounts, string][] = [
  ['failed', 'failed'],
  ['pending', 'pending'],
  ['succeeded', 'delivered'],
  ['canceled', 'canceled'],
];

/**
 * The deliveries in words, failures first since they need someone: "1 failed, 2 delivered"; "No endpoint
 * subscribed" when there were none.
 */
export function deliverySummary(counts: DeliveryCounts): string {
  const parts = ORDER.filter(([status]) => counts[status] > 0).map(
    ([status, word]) => `${counts[status]} ${word}`,
  );
  return parts.length === 0 ? 'No endpoint subscribed' : parts.join(', ');
}
