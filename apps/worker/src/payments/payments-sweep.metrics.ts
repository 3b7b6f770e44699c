import { Inject, Injectable } from '@nestjs/common';
import type { StuckPaymentsSweepResult } from '@tenantpay/payments';
import { METRICS_REGISTRY, registeredCounter, registeredGauge } from '@tenantpay/platform';
import type { Counter, Gauge, Registry } from 'prom-client';
import {
  PAYMENTS_NEEDING_ATTENTION_METRIC,
  PAYMENTS_RECONCILED_METRIC,
} from '../metrics/worker-metric-names.constant';

/**
 * What the stuck-payments sweep did: `payments_reconciled_total{outcome}` (stuck payments settled, re-enqueued,
 * expired, or left unknown) and `payments_needing_attention`, the PROCESSING payments the last sweep found
 * beyond its bound of unknown gateway answers: above 0, a person must look (an alert).
 */
@Injectable()
export class PaymentsSweepMetrics {
  private readonly reconciled: Counter<'outcome'>;
  private readonly needingAttention: Gauge;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.reconciled = registeredCounter(registry, {
      name: PAYMENTS_RECONCILED_METRIC,
      help: 'Stuck payments the sweep acted on, by outcome',
      labelNames: ['outcome'],
    });
    this.needingAttention = registeredGauge(registry, {
      name: PAYMENTS_NEEDING_ATTENTION_METRIC,
      help: 'PROCESSING payments the gateway could not settle within the bound of sweeps: they need a person',
    });
  }

  /** Records one sweep; returns how many payments it acted on (the job's result). */
  record(result: StuckPaymentsSweepResult): number {
    const { needs_attention: needsAttention, ...processing } = result.processing;
    const outcomes: Record<string, number> = {
      pending_re_enqueued: result.pendingReEnqueued,
      approval_expired: result.approvalsExpired,
      ...Object.fromEntries(Object.entries(processing).map(([outcome, n]) => [`processing_${outcome}`, n])),
    };
    let total = 0;
    for (const [outcome, count] of Object.entries(outcomes)) {
      if (count > 0) this.reconciled.inc({ outcome }, count);
      total += count;
    }
    // A gauge, not a count: the same payments are found again by every sweep until a person settles them.
    this.needingAttention.set(needsAttention);
    return total + needsAttention;
  }
}
