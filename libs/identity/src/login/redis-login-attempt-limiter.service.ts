import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, REDIS_CLIENT } from '@tenantpay/platform';
import type Redis from 'ioredis';
import { createHash, randomBytes } from 'node:crypto';
import { IDENTITY_REDIS_KEYS } from '../identity.constant';
import type { LoginAttemptDecision, LoginAttemptLimiter } from './login-attempt-limiter';
import { LOGIN_ATTEMPT_LIMITS, type SlidingWindow } from './login-attempt-limits.constant';
import {
  SLIDING_WINDOW_LOG_SCRIPT,
  SLIDING_WINDOW_LOG_SCRIPT_SHA1,
  type SlidingWindowMode,
} from './sliding-window-log.script';

interface WindowResult {
  readonly admitted: boolean;
  readonly retryAfterMs: number;
}

/**
 * Login limits as sliding-window logs in Redis, one atomic script call per window (EVALSHA, loading the
 * script on NOSCRIPT). The account and IP windows are separate keys with their own hash tags, so the
 * limiter works unchanged on Redis Cluster.
 *
 * While Redis is unavailable the platform's rate-limit fail mode decides: `open` admits (and logs),
 * `closed` refuses.
 */
@Injectable()
export class RedisLoginAttemptLimiter implements LoginAttemptLimiter {
  private readonly logger = new Logger(RedisLoginAttemptLimiter.name);

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async consume(accountKey: string, ip: string): Promise<LoginAttemptDecision> {
    try {
      // The account is only checked here; its failures are recorded once the password proved wrong.
      const account = await this.apply(
        this.accountKey(accountKey),
        LOGIN_ATTEMPT_LIMITS.failuresPerAccount,
        'check',
      );
      if (!account.admitted) return refused(account.retryAfterMs);
      const fromIp = await this.apply(
        IDENTITY_REDIS_KEYS.loginAttemptsFromIp(ip),
        LOGIN_ATTEMPT_LIMITS.attemptsPerIp,
        'consume',
      );
      if (!fromIp.admitted) return refused(fromIp.retryAfterMs);
      return { allowed: true, retryAfterSeconds: 0 };
    } catch (error) {
      this.logger.warn(
        `Login limiter unavailable (fail ${this.config.rateLimit.failMode}): ${describe(error)}`,
      );
      return this.config.rateLimit.failMode === 'open'
        ? { allowed: true, retryAfterSeconds: 0 }
        : refused(1_000);
    }
  }

  async recordFailure(accountKey: string): Promise<void> {
    await this.apply(this.accountKey(accountKey), LOGIN_ATTEMPT_LIMITS.failuresPerAccount, 'record').catch(
      (error: unknown) => this.logger.warn(`Could not record a login failure: ${describe(error)}`),
    );
  }

  async reset(accountKey: string): Promise<void> {
    await this.redis
      .del(this.accountKey(accountKey))
      .catch((error: unknown) => this.logger.warn(`Could not reset login failures: ${describe(error)}`));
  }

  /** Account keys hold emails: only their hash goes to Redis. */
  private accountKey(accountKey: string): string {
    return IDENTITY_REDIS_KEYS.loginFailuresOfAccount(createHash('sha256').update(accountKey).digest('hex'));
  }

  private async apply(key: string, window: SlidingWindow, mode: SlidingWindowMode): Promise<WindowResult> {
    const args = [key, window.windowMs, window.limit, mode, randomBytes(6).toString('hex')];
    let reply: unknown;
    try {
      reply = await this.redis.evalsha(SLIDING_WINDOW_LOG_SCRIPT_SHA1, 1, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      reply = await this.redis.eval(SLIDING_WINDOW_LOG_SCRIPT, 1, ...args);
    }
    const [admitted, , retryAfterMs] = reply as [number, number, number];
    return { admitted: admitted === 1, retryAfterMs };
  }
}

function refused(retryAfterMs: number): LoginAttemptDecision {
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
