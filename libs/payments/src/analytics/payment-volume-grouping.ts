/** What the platform's payment volume report groups by; every grouping is also by currency. */
export const PaymentVolumeGrouping = {
  Tenant: 'tenant',
  Tier: 'tier',
  Status: 'status',
  Day: 'day',
} as const;
export type PaymentVolumeGroupingValue = (typeof PaymentVolumeGrouping)[keyof typeof PaymentVolumeGrouping];

export const PAYMENT_VOLUME_GROUPINGS: readonly PaymentVolumeGroupingValue[] = Object.freeze(
  Object.values(PaymentVolumeGrouping),
);
