import { Counter, register } from 'prom-client';

export const AUDIT_WRITE_FAILURES_METRIC = 'tenantpay_audit_write_failures_total';

/**
 * Counts audit events that could not be stored (each one is in the error log instead). Registered once on
 * prom-client's default registry, which the /metrics endpoint serves; alert on any increase.
 */
export function auditWriteFailuresCounter(): Counter<'action'> {
  const existing = register.getSingleMetric(AUDIT_WRITE_FAILURES_METRIC);
  if (existing !== undefined) return existing as Counter<'action'>;
  return new Counter({
    name: AUDIT_WRITE_FAILURES_METRIC,
    help: 'Audit events that could not be written to MongoDB and were logged at error level instead',
    labelNames: ['action'],
  });
}
