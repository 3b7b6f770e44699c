import type { RateLimitPolicy } from './rate-limit-policy';
import { type RateLimitDecision, RateLimitDecisionSource } from './rate-limit-decision';
import { rememberBounded } from './remember-bounded';

interface Block {
  readonly untilMs: number;
  readonly policy: string;
  readonly limit: number;
  readonly windowSeconds: number;
  readonly cost: number;
  readonly reset: number;
}

/**
 * Refusals remembered in this process until the subject may retry, so a client hammering a refused quota
 * costs no Redis traffic at all. A remembered refusal answers only for the same policy and limit (a tier
 * change takes effect at once) and for requests at least as expensive (a cheaper one may fit earlier).
 */
export class InProcessBlocklist {
  private readonly blocks = new Map<string, Block>();

  constructor(private readonly maxEntries: number) {}

  remember(
    key: string,
    policy: RateLimitPolicy,
    cost: number,
    decision: RateLimitDecision,
    untilMs: number,
  ): void {
    if (typeof decision.limit !== 'number') return;
    const block: Block = {
      untilMs,
      policy: policy.name,
      limit: decision.limit,
      windowSeconds: policy.windowSeconds,
      cost,
      reset: decision.reset,
    };
    rememberBounded(this.blocks, key, block, this.maxEntries);
  }

  check(key: string, policy: RateLimitPolicy, cost: number, nowMs: number): RateLimitDecision | undefined {
    const block = this.blocks.get(key);
    if (block === undefined) return undefined;
    if (nowMs >= block.untilMs) {
      this.blocks.delete(key);
      return undefined;
    }
    if (
      block.policy !== policy.name ||
      block.limit !== policy.limit ||
      block.windowSeconds !== policy.windowSeconds ||
      cost < block.cost
    ) {
      return undefined;
    }
    const nowSeconds = nowMs / 1000;
    return {
      allowed: false,
      policy: policy.name,
      limit: block.limit,
      remaining: 0,
      reset: block.reset,
      secondsUntilReset: Math.max(0, Math.ceil(block.reset - nowSeconds)),
      retryAfterSeconds: Math.max(1, Math.ceil((block.untilMs - nowMs) / 1000)),
      windowSeconds: policy.windowSeconds,
      source: RateLimitDecisionSource.BlockedInProcess,
      usageRecorded: false,
    };
  }

  forget(key: string): void {
    this.blocks.delete(key);
  }

  clear(): void {
    this.blocks.clear();
  }
}
