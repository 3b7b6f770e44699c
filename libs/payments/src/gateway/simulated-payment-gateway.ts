import type { PaymentsSettings } from '../payments-settings';
import { RedisScript, type RedisClient } from '@tenantpay/platform';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { simulatedGatewayKeys } from '../payments.constant';
import { GatewayCallAbortedError } from './gateway-call-aborted.error';
import { GatewayUnavailableError } from './gateway-unavailable.error';
import { RECORD_SIMULATED_CHARGE_SCRIPT } from './record-simulated-charge.script';
import type {
  GatewayChargeLookup,
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
/**
 * How long a charge counts as in flight at the gateway after it started, beyond the configured latency. A
 * worker killed mid-call leaves the marker behind: lookups say `unknown` until it lapses, as a real gateway's
 * "processing" state does, and then `not_charged`, because nothing was recorded.
 */
const IN_FLIGHT_MARGIN_MS = 5_000;

/**
 * A stand-in payment gateway for development, tests and benchmarks, bound when PAYMENTS_GATEWAY=simulated.
 * Its ledger lives in Redis, so every worker process sees the same gateway, as they would a real one: a
 * charge is recorded once per idempotency key (SET NX) and any later call with that key returns the recorded
 * outcome without charging again; `findCharge` answers from the same ledger, so a charge whose response was
 * lost is still known. Outcomes are deterministic (simulated-gateway-scenarios.constant.ts); latency and a
 * random transient failure rate come from settings. Fault injection for tests lives in the testing library.
 */
export class SimulatedPaymentGateway implements PaymentGateway {
  private readonly recordCharge = new RedisScript(RECORD_SIMULATED_CHARGE_SCRIPT);

  constructor(
    private readonly redis: RedisClient,
    private readonly settings: PaymentsSettings,
  ) {}

  async charge(request: GatewayChargeRequest, signal?: AbortSignal): Promise<GatewayChargeResult> {
    const key = request.idempotencyKey;
    const recorded = await this.recordedCharge(key);
    if (recorded !== null) {
      await this.delay(signal);
      return recorded;
    }
    // A count, not a flag: of two concurrent calls under one key, the first to finish must not clear the other.
    const inFlight = simulatedGatewayKeys.inFlight(key);
    const inFlightMs = this.settings.simulatedGateway.latencyMs + IN_FLIGHT_MARGIN_MS;
    await this.redis.multi().incr(inFlight).pexpire(inFlight, inFlightMs).exec();
    try {
      await this.delay(signal);
      return await this.decideOnce(request);
    } finally {
      // Below 1 (the marker had lapsed and DECR made a fresh, TTL-less key) the key goes, not a negative count.
      if ((await this.redis.decr(inFlight)) <= 0) await this.redis.del(inFlight);
    }
  }

  async refund(request: GatewayRefundRequest, signal?: AbortSignal): Promise<GatewayRefundResult> {
    await this.delay(signal);
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

  async findCharge(idempotencyKey: string, signal?: AbortSignal): Promise<GatewayChargeLookup> {
    await this.delay(signal);
    const recorded = await this.recordedCharge(idempotencyKey);
    if (recorded !== null) return { state: 'settled', result: recorded };
    if (Number((await this.redis.get(simulatedGatewayKeys.inFlight(idempotencyKey))) ?? 0) > 0) {
      return { state: 'unknown', reason: 'a charge under this key is in flight' };
    }
    return { state: 'not_charged' };
  }

  /** How many times money actually moved for this key (at most 1 when idempotency holds). */
  async chargesMade(idempotencyKey: string): Promise<number> {
    return Number((await this.redis.get(simulatedGatewayKeys.chargeCount(idempotencyKey))) ?? 0);
  }

  private async decideOnce(request: GatewayChargeRequest): Promise<GatewayChargeResult> {
    const key = request.idempotencyKey;
    const attempt = await this.redis.incr(simulatedGatewayKeys.attempts(key));
    await this.redis.expire(simulatedGatewayKeys.attempts(key), LEDGER_TTL_SECONDS);
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
      [simulatedGatewayKeys.charge(key), simulatedGatewayKeys.chargeCount(key)],
      [JSON.stringify(result), LEDGER_TTL_SECONDS, result.outcome === 'succeeded' ? '1' : '0'],
    );
    return stored === 1 ? result : ((await this.recordedCharge(key)) ?? result);
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

  /** The simulated network time; an aborted wait is an abandoned call (nothing was decided during it). */
  private async delay(signal: AbortSignal | undefined): Promise<void> {
    const aborted = (): boolean => signal?.aborted === true;
    if (aborted()) throw new GatewayCallAbortedError();
    const ms = this.settings.simulatedGateway.latencyMs;
    if (ms <= 0) return;
    try {
      await sleep(ms, undefined, { signal });
    } catch (error) {
      if (aborted()) throw new GatewayCallAbortedError();
      throw error;
    }
  }
}
