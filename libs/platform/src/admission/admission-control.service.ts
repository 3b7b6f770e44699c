import { Inject, Injectable } from '@nestjs/common';
import type { Counter, Registry } from 'prom-client';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.constant';
import { HTTP_REQUESTS_IN_FLIGHT_METRIC, HTTP_REQUESTS_SHED_METRIC } from '../metrics/metric-names.constant';
import { METRICS_REGISTRY } from '../metrics/metrics-registry.constant';
import { registeredCounter, registeredGauge } from '../metrics/registered-metric';
import { EventLoopDelayMonitor } from './event-loop-delay.monitor';
import { ShedReason } from './shed-reason.enum';

/**
 * The bounds of SPEC §7 ("overload is refused, not queued"): how much work one instance, and one tenant on
 * it, may have in flight. Requests past a bound are refused at once rather than queued, so the admitted ones
 * keep their latency and a flooding tenant fills only its own share: the others' requests still find room.
 * The counts are per process, which is what the bounds protect (its event loop and memory); callers take a
 * slot and give it back when their response is done.
 */
@Injectable()
export class AdmissionControl {
  private instanceInFlight = 0;
  private readonly tenantInFlight = new Map<string, number>();
  private readonly shed: Counter<'reason'>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(METRICS_REGISTRY) registry: Registry,
    private readonly eventLoop: EventLoopDelayMonitor,
  ) {
    this.shed = registeredCounter(registry, {
      name: HTTP_REQUESTS_SHED_METRIC,
      help: 'Requests refused with 503 overloaded by admission control, by reason',
      labelNames: ['reason'],
    });
    const inFlight = (): number => this.instanceInFlight;
    registeredGauge(registry, {
      name: HTTP_REQUESTS_IN_FLIGHT_METRIC,
      help: 'Requests this instance is serving now (health probes excluded)',
      collect() {
        this.set(inFlight());
      },
    });
  }

  get retryAfterSeconds(): number {
    return this.config.admission.retryAfterSeconds;
  }

  /** Takes an instance slot, or says why the request must be refused (and counts the refusal). */
  enterInstance(): ShedReason | undefined {
    const { maxInFlight, maxEventLoopDelayMs } = this.config.admission;
    const refusal =
      this.eventLoop.currentDelayMs > maxEventLoopDelayMs
        ? ShedReason.EventLoopDelay
        : this.instanceInFlight >= maxInFlight
          ? ShedReason.InstanceInFlight
          : undefined;
    if (refusal !== undefined) {
      this.shed.inc({ reason: refusal });
      return refusal;
    }
    this.instanceInFlight += 1;
    return undefined;
  }

  leaveInstance(): void {
    this.instanceInFlight -= 1;
  }

  /**
   * Takes one of `tenantKey`'s slots, or refuses (and counts the refusal). The key is a tenant id, or one
   * shared key for requests without a tenant, so anonymous traffic has one share like a tenant.
   */
  enterTenant(tenantKey: string): boolean {
    const current = this.tenantInFlight.get(tenantKey) ?? 0;
    if (current >= this.config.admission.maxInFlightPerTenant) {
      this.shed.inc({ reason: ShedReason.TenantInFlight });
      return false;
    }
    this.tenantInFlight.set(tenantKey, current + 1);
    return true;
  }

  leaveTenant(tenantKey: string): void {
    const remaining = (this.tenantInFlight.get(tenantKey) ?? 1) - 1;
    // Entries of idle tenants are dropped, so the map holds only tenants with work in flight.
    if (remaining <= 0) this.tenantInFlight.delete(tenantKey);
    else this.tenantInFlight.set(tenantKey, remaining);
  }
}
