import { randomBytes } from 'node:crypto';

/**
 * What the payments library needs from configuration. The application builds it from its validated config
 * and provides it as PAYMENTS_SETTINGS; libraries never read the environment.
 */
export interface PaymentsSettings {
  /** Shared with the payment gateway; verifies inbound gateway webhooks. Never logged. */
  readonly gatewayWebhookSecret: string;
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
  readonly simulatedGateway: {
    readonly latencyMs: number;
    /** Share of charges (0–1) that fail transiently once before succeeding; 0 in tests and benchmarks. */
    readonly transientFailureRate: number;
  };
}

export const PAYMENTS_SETTINGS = Symbol('PAYMENTS_SETTINGS');

/**
 * Development defaults. The webhook secret is random per process unless one is configured, so inbound gateway
 * webhooks are refused rather than accepted with a guessable secret.
 */
export function defaultPaymentsSettings(overrides: Partial<PaymentsSettings> = {}): PaymentsSettings {
  return {
    gatewayWebhookSecret: randomBytes(32).toString('hex'),
    gatewayWebhookToleranceSeconds: 300,
    idempotencyTtlSeconds: 24 * 3600,
    idempotencyLeaseSeconds: 60,
    processing: {
      attempts: 6,
      backoffDelayMs: 1_000,
      backoffJitter: 0.5,
      concurrency: 10,
      lockDurationMs: 30_000,
      stalledIntervalMs: 30_000,
      deadLetterRetentionSeconds: 7 * 24 * 3600,
      deadLetterMaxCount: 10_000,
    },
    simulatedGateway: { latencyMs: 50, transientFailureRate: 0 },
    ...overrides,
  };
}
