import { Inject, Injectable } from '@nestjs/common';
import { REDIS_CLIENT, RedisScript } from '@tenantpay/platform';
import type Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { simulatedGatewayKeys } from '../payments.constant';
import { PAYMENTS_SETTINGS, type PaymentsSettings } from '../payments-settings';
import { GatewayUnavailableError } from './gateway-unavailable.error';
import { RECORD_SIMULATED_CHARGE_SCRIPT } from './record-simulated-charge.script';
import type {
  GatewayChargeRequest,
  GatewayChargeResult,
  GatewayRefundRequest,
  GatewayRefundResult,
  PaymentGateway,
} from './payment-gateway.port';
import {
  SIMULATED_DECLINE_AMOUNTS,
  SIMULATED_DECLINES,
  TRANSIENT_TOKEN,
  UNAVAILABLE_TOKEN,
} from './simulated-gateway-scenarios.constant';

const LEDGER_TTL_SECONDS = 7 * 24 * 3600;

export type InjectedFailure = 'transient' | 'hang';

/**
 * A stand-in payment gateway for development, tests and benchmarks. Its ledger lives in Redis, so every
 * worker process sees the same gateway, as they would a real one: a charge is recorded once per idempotency
 * key (SET NX) and any later call with that key returns the recorded outcome without charging again.
 *
 * Outcomes are deterministic (see simulated-gateway-scenarios.constant.ts); latency and a random transient
 * failure rate come from settings; tests inject failures for the next calls with `injectFailures`:
 * `transient` throws GatewayUnavailableError before charging, `hang` charges and then does not answer until `releaseHungCalls` (a
 * worker dying between the gateway's charge and its own database write).
 */
@Injectable()
export class SimulatedPaymentGateway implements PaymentGateway {
  private readonly injected: InjectedFailure[] = [];
  private readonly hung: (() => void)[] = [];
  private readonly recordCharge = new RedisScript(RECORD_SIMULATED_CHARGE_SCRIPT);

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(PAYMENTS_SETTINGS) private readonly settings: PaymentsSettings,
  ) {}

  injectFailures(...failures: InjectedFailure[]): void {
    this.injected.push(...failures);
  }

  async charge(request: GatewayChargeRequest): Promise<GatewayChargeResult> {
    await this.delay();
    const injected = this.injected.shift();
    if (injected === 'transient') throw new GatewayUnavailableError('Injected transient failure');
    const recorded = await this.recordedCharge(request.idempotencyKey);
    if (recorded !== null) return recorded;

    const attempt = await this.redis.incr(simulatedGatewayKeys.attempts(request.idempotencyKey));
    await this.redis.expire(simulatedGatewayKeys.attempts(request.idempotencyKey), LEDGER_TTL_SECONDS);
    const transientAttempts = Number(TRANSIENT_TOKEN.exec(request.paymentToken ?? '')?.[1] ?? 0);
    if (request.paymentToken === UNAVAILABLE_TOKEN || attempt <= transientAttempts) {
      throw new GatewayUnavailableError('Simulated gateway outage');
    }
    if (Math.random() < this.settings.simulatedGateway.transientFailureRate && attempt === 1) {
      throw new GatewayUnavailableError('Simulated random transient failure');
    }

    const result = this.decide(request);
    const stored = await this.recordCharge.evaluate(
      this.redis,
      [
        simulatedGatewayKeys.charge(request.idempotencyKey),
        simulatedGatewayKeys.chargeCount(request.idempotencyKey),
      ],
      [JSON.stringify(result), LEDGER_TTL_SECONDS, result.outcome === 'succeeded' ? '1' : '0'],
    );
    if (stored !== 1) return (await this.recordedCharge(request.idempotencyKey)) ?? result;
    if (injected === 'hang') {
      await new Promise<void>((release) => this.hung.push(release));
      throw new GatewayUnavailableError('The connection to the gateway was lost');
    }
    return result;
  }

  async refund(request: GatewayRefundRequest): Promise<GatewayRefundResult> {
    await this.delay();
    if (this.injected[0] === 'transient') {
      this.injected.shift();
      throw new GatewayUnavailableError('Injected transient failure');
    }
    const result: GatewayRefundResult = { gatewayReference: `re_sim_${randomBytes(8).toString('hex')}` };
    await this.redis.set(
      simulatedGatewayKeys.refund(request.idempotencyKey),
      JSON.stringify(result),
      'EX',
      LEDGER_TTL_SECONDS,
      'NX',
    );
    const stored = await this.redis.get(simulatedGatewayKeys.refund(request.idempotencyKey));
    return stored === null ? result : (JSON.parse(stored) as GatewayRefundResult);
  }

  /** Ends every `hang`ing call with a lost-connection error (a test's cleanup of its "dead" worker). */
  releaseHungCalls(): void {
    for (const release of this.hung.splice(0)) release();
  }

  /** How many times money actually moved for this key (at most 1 when idempotency holds). */
  async chargesMade(idempotencyKey: string): Promise<number> {
    return Number((await this.redis.get(simulatedGatewayKeys.chargeCount(idempotencyKey))) ?? 0);
  }

  private async recordedCharge(idempotencyKey: string): Promise<GatewayChargeResult | null> {
    const stored = await this.redis.get(simulatedGatewayKeys.charge(idempotencyKey));
    return stored === null ? null : (JSON.parse(stored) as GatewayChargeResult);
  }

  private decide(request: GatewayChargeRequest): GatewayChargeResult {
    const reference = `ch_sim_${randomBytes(8).toString('hex')}`;
    const token = request.paymentToken ?? '';
    const decline = Object.hasOwn(SIMULATED_DECLINES, token)
      ? SIMULATED_DECLINES[token]
      : Object.hasOwn(SIMULATED_DECLINE_AMOUNTS, request.amount)
        ? SIMULATED_DECLINE_AMOUNTS[request.amount]
        : undefined;
    return decline === undefined
      ? { outcome: 'succeeded', gatewayReference: reference }
      : { outcome: 'declined', gatewayReference: reference, code: decline.code, message: decline.message };
  }

  private async delay(): Promise<void> {
    const ms = this.settings.simulatedGateway.latencyMs;
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  }
}
