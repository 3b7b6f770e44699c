import type { AppConfig } from '@tenantpay/platform';

/**
 * What the payments library needs from configuration. The application builds it from its validated config
 * (paymentsSettingsFromAppConfig) and provides it as PAYMENTS_SETTINGS; libraries never read the environment.
 */
export interface PaymentsSettings {
  /**
   * Shared with the payment gateway; verifies inbound gateway webhooks. Never logged. Null where none is
   * configured (allowed outside production only): every inbound gateway webhook is then refused.
   */
  readonly gatewayWebhookSecret: string | null;
  /** How far a gateway webhook's signed timestamp may be from now (replay window). */
  readonly gatewayWebhookToleranceSeconds: number;
  /** How long a stored idempotent response is replayed (SPEC: 24 h). */
  readonly idempotencyTtlSeconds: number;
  /** How long a claimed key counts as in flight before a retry may take it over (its request died). */
  readonly idempotencyLeaseSeconds: number;
  readonly processing: {
    /** Attempts per payment job, the first included; transient gateway failures use them up. */
    readonly attempts: number;
    /** First retry delay; each further retry doubles it, with jitter. */
    readonly backoffDelayMs: number;
    /** Share of each delay that is randomised (0–1), so retries of many jobs do not arrive together. */
    readonly backoffJitter: number;
    readonly concurrency: number;
    /** A job whose worker stops renewing its lock for this long counts as stalled and is handed to another. */
    readonly lockDurationMs: number;
    readonly stalledIntervalMs: number;
    /** Dead-letter retention: failed jobs stay inspectable and replayable this long, at most this many. */
    readonly deadLetterRetentionSeconds: number;
    readonly deadLetterMaxCount: number;
  };
  readonly maintenance: {
    /**
     * Creation commits before the enqueue, so a payment whose enqueue failed (Redis down, process died) stays
     * PENDING; one older than this is re-enqueued by the sweep. Longer than a normal enqueue-to-pickup wait.
     */
    readonly stuckPendingGraceSeconds: number;
    /** Interval of the worker's repeatable sweeps (stuck payments, undispatched events). */
    readonly sweepIntervalMs: number;
  };
  readonly simulatedGateway: {
    readonly latencyMs: number;
    /** Share of charges (0–1) that fail transiently once before succeeding; 0 in tests and benchmarks. */
    readonly transientFailureRate: number;
  };
}

export const PAYMENTS_SETTINGS = Symbol('PAYMENTS_SETTINGS');

/** From the PAYMENTS_* and SIMULATED_GATEWAY_* variables (validated by the platform config). */
export function paymentsSettingsFromAppConfig(config: AppConfig): PaymentsSettings {
  const { payments } = config;
  return {
    gatewayWebhookSecret: payments.gatewayWebhookSecret,
    gatewayWebhookToleranceSeconds: payments.gatewayWebhookToleranceSeconds,
    idempotencyTtlSeconds: payments.idempotencyTtlSeconds,
    idempotencyLeaseSeconds: payments.idempotencyLeaseSeconds,
    processing: { ...payments.processing },
    maintenance: { ...payments.maintenance },
    simulatedGateway: { ...payments.simulatedGateway },
  };
}
