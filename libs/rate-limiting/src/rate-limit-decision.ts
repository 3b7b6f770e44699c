import type { Limit } from '@tenantpay/tenancy';

/** Where a decision came from; tests and metrics tell degraded answers from authoritative ones. */
export enum RateLimitDecisionSource {
  /** The shared Redis limiter decided. */
  Redis = 'redis',
  /** A refusal remembered in this process until the subject may retry; Redis was not asked. */
  BlockedInProcess = 'blocked-in-process',
  /** Redis was unreachable or slow and the limiter fails open: a per-process limiter decided. */
  Fallback = 'fallback',
  /** Redis was unreachable or slow and the limiter fails closed: refused without a count. */
  FailedClosed = 'failed-closed',
  /** The policy has no limit; nothing was counted. */
  Unlimited = 'unlimited',
  /** The cost exceeds the whole limit, so no amount of waiting admits it; Redis was not asked. */
  CostExceedsLimit = 'cost-exceeds-limit',
}

export interface RateLimitDecision {
  readonly allowed: boolean;
  readonly policy: string;
  readonly limit: Limit;
  /** Units left in the window after this decision (0 on refusal); `'unlimited'` for unlimited policies. */
  readonly remaining: Limit;
  /** Unix seconds at which the whole quota is available again if nothing more is consumed. */
  readonly reset: number;
  /** The same moment as `reset`, relative: what the IETF `RateLimit` field's `t` carries. */
  readonly secondsUntilReset: number;
  /** 0 when allowed; otherwise whole seconds until a request of the same cost would be admitted. */
  readonly retryAfterSeconds: number;
  readonly windowSeconds: number;
  readonly source: RateLimitDecisionSource;
  /** Whether the request's usage increments were written (false when Redis was not reached). */
  readonly usageRecorded: boolean;
  /** The usage hash's fields right after the write, when the increment asked to read it back. */
  readonly usageHash?: Readonly<Record<string, string>>;
}
