import {
  type GatewayChargeLookup,
  type GatewayChargeRequest,
  type GatewayChargeResult,
  GatewayCallAbortedError,
  type GatewayRefundRequest,
  type GatewayRefundResult,
  GatewayUnavailableError,
  PAYMENT_GATEWAY,
  type PaymentGateway,
  PAYMENTS_SETTINGS,
  type PaymentsSettings,
  SimulatedPaymentGateway,
} from '@tenantpay/payments';
import { REDIS_CLIENT } from '@tenantpay/platform';
import type Redis from 'ioredis';

/**
 * `transient`: the next call fails with GatewayUnavailableError before anything is charged. `hang`: the next
 * charge is made and recorded, then its answer never comes (a lost response, a worker dying between the
 * gateway's charge and its own write) until `releaseHungCalls` or the caller's AbortSignal. `unknown`: the next
 * lookup answers `unknown`, as a gateway that cannot say yet.
 */
export type InjectedGatewayFault = 'transient' | 'hang' | 'unknown';

/**
 * The simulated gateway with faults injected on demand, for the worker's tests only: production binds the
 * plain simulator by PAYMENTS_GATEWAY, and the testing library cannot hold it (payments' own specs use that
 * library, so it may not depend on payments). Wraps the simulator: the ledger and its idempotency are real.
 */
export class FaultInjectingPaymentGateway implements PaymentGateway {
  private readonly faults: InjectedGatewayFault[] = [];
  private readonly hung = new Set<() => void>();
  /** Calls abandoned through their AbortSignal. */
  abortedCalls = 0;

  constructor(readonly simulator: SimulatedPaymentGateway) {}

  injectFaults(...faults: InjectedGatewayFault[]): void {
    this.faults.push(...faults);
  }

  async charge(request: GatewayChargeRequest, signal?: AbortSignal): Promise<GatewayChargeResult> {
    const fault = this.take('transient', 'hang');
    if (fault === 'transient') throw new GatewayUnavailableError('Injected transient failure');
    const result = await this.simulator.charge(request, signal);
    if (fault === 'hang') {
      await this.hangUntilReleased(signal);
      throw new GatewayUnavailableError('The connection to the gateway was lost');
    }
    return result;
  }

  async refund(request: GatewayRefundRequest, signal?: AbortSignal): Promise<GatewayRefundResult> {
    if (this.take('transient') === 'transient')
      throw new GatewayUnavailableError('Injected transient failure');
    return this.simulator.refund(request, signal);
  }

  async findCharge(idempotencyKey: string, signal?: AbortSignal): Promise<GatewayChargeLookup> {
    if (this.take('unknown') === 'unknown') return { state: 'unknown', reason: 'Injected unknown answer' };
    return this.simulator.findCharge(idempotencyKey, signal);
  }

  chargesMade(idempotencyKey: string): Promise<number> {
    return this.simulator.chargesMade(idempotencyKey);
  }

  /** Calls charged and now hanging (waiting for releaseHungCalls or their AbortSignal). */
  get hangingCalls(): number {
    return this.hung.size;
  }

  /** Ends every hanging call with a lost-connection error (a test's cleanup of its "dead" worker). */
  releaseHungCalls(): void {
    for (const release of [...this.hung]) release();
  }

  /** The first queued fault if it is one of `kinds` (faults apply in the order injected, to matching calls). */
  private take(...kinds: InjectedGatewayFault[]): InjectedGatewayFault | undefined {
    const next = this.faults[0];
    if (next === undefined || !kinds.includes(next)) return undefined;
    return this.faults.shift();
  }

  private hangUntilReleased(signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const release = () => {
        this.hung.delete(release);
        signal?.removeEventListener('abort', abandon);
        resolve();
      };
      const abandon = () => {
        this.hung.delete(release);
        this.abortedCalls += 1;
        reject(new GatewayCallAbortedError());
      };
      if (signal?.aborted === true) return abandon();
      signal?.addEventListener('abort', abandon, { once: true });
      this.hung.add(release);
    });
  }
}

/** Overrides PAYMENT_GATEWAY in a testing module: `.overrideProvider(PAYMENT_GATEWAY).useFactory(…)`. */
export const faultInjectingGatewayFactory = {
  inject: [REDIS_CLIENT, PAYMENTS_SETTINGS],
  factory: (redis: Redis, settings: PaymentsSettings) =>
    new FaultInjectingPaymentGateway(new SimulatedPaymentGateway(redis, settings)),
};

/** The bound gateway of an application built with faultInjectingGatewayFactory. */
export function faultInjectingGatewayOf(app: {
  get(token: typeof PAYMENT_GATEWAY): unknown;
}): FaultInjectingPaymentGateway {
  const gateway = app.get(PAYMENT_GATEWAY);
  if (!(gateway instanceof FaultInjectingPaymentGateway)) {
    throw new Error('PAYMENT_GATEWAY is not overridden with faultInjectingGatewayFactory');
  }
  return gateway;
}
