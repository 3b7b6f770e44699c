import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Counter, Registry } from 'prom-client';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.constant';
import {
  HTTP_ADMISSION_LIMIT_METRIC,
  HTTP_REQUESTS_IN_FLIGHT_METRIC,
  HTTP_REQUESTS_SHED_METRIC,
} from '../metrics/metric-names.constant';
import { METRICS_REGISTRY } from '../metrics/metrics-registry.constant';
import { registeredCounter, registeredGauge } from '../metrics/registered-metric';
import { AdaptiveConcurrencyLimit } from './adaptive-concurrency-limit';
import type { AdmissionTicket } from './admission-ticket';
import { EventLoopDelayMonitor } from './event-loop-delay.monitor';
import { FairShareAdmission } from './fair-share-admission';
import { ShedReason } from './shed-reason.enum';

/** How often the adaptive limit is reconsidered. */
const LIMIT_WINDOW_MS = 250;
/** See FairShareBounds.activityWindowMs: a tenant sending a request every two seconds keeps its share. */
const TENANT_ACTIVITY_WINDOW_MS = 2_000;

/**
 * Admission control of SPEC §7 ("overload is refused, not queued") for one instance: an adaptive limit on
 * the requests it serves at once ({@link AdaptiveConcurrencyLimit}, between ADMISSION_MIN_IN_FLIGHT and
 * ADMISSION_MAX_IN_FLIGHT), shared fairly between the tenants that use it ({@link FairShareAdmission}, at
 * most ADMISSION_MAX_IN_FLIGHT_PER_TENANT each). A refused request is answered at once, so the admitted ones
 * keep their latency and a flooding tenant is the one refused. The counts are per process, which is what the
 * bounds protect (its event loop, its share of the database); each admitted request holds an
 * {@link AdmissionTicket} until its response is done.
 */
@Injectable()
export class AdmissionControl implements OnModuleInit, OnModuleDestroy {
  private readonly fairShare: FairShareAdmission;
  private readonly limit: AdaptiveConcurrencyLimit;
  private readonly tickets = new WeakMap<IncomingMessage, AdmissionTicket>();
  private readonly shed: Counter<'reason'>;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(METRICS_REGISTRY) registry: Registry,
    private readonly eventLoop: EventLoopDelayMonitor,
  ) {
    const { maxInFlight, minInFlight, maxInFlightPerTenant, queuedRequests } = config.admission;
    const now = () => performance.now();
    this.fairShare = new FairShareAdmission(
      { ceiling: maxInFlight, perTenant: maxInFlightPerTenant, activityWindowMs: TENANT_ACTIVITY_WINDOW_MS },
      now,
    );
    this.limit = new AdaptiveConcurrencyLimit({ min: minInFlight, max: maxInFlight, queuedRequests }, now);
    this.shed = registeredCounter(registry, {
      name: HTTP_REQUESTS_SHED_METRIC,
      help: 'Requests refused with 503 overloaded by admission control, by reason',
      labelNames: ['reason'],
    });
    const fairShare = this.fairShare;
    registeredGauge(registry, {
      name: HTTP_REQUESTS_IN_FLIGHT_METRIC,
      help: 'Requests this instance is serving now (health probes excluded)',
      collect() {
        this.set(fairShare.inFlight);
      },
    });
    const limit = this.limit;
    registeredGauge(registry, {
      name: HTTP_ADMISSION_LIMIT_METRIC,
      help: 'Requests this instance admits at once now, as latency has taught admission control',
      collect() {
        this.set(limit.current);
      },
    });
  }

  get retryAfterSeconds(): number {
    return this.config.admission.retryAfterSeconds;
  }

  onModuleInit(): void {
    this.timer = setInterval(() => this.limit.closeWindow(), LIMIT_WINDOW_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /**
   * Admits a request charged to `tenantKey` (undefined: not known yet, see chargeTo), or says why it must be
   * refused (and counts the refusal).
   */
  admit(tenantKey: string | undefined): AdmissionTicket | ShedReason {
    const refusal =
      tenantKey === undefined
        ? this.fairShare.admitUnattributed(this.limit.current, this.isLagging())
        : this.fairShare.admit(tenantKey, this.limit.current, this.isLagging());
    this.limit.observeInFlight(this.fairShare.inFlight);
    if (refusal !== undefined) return this.refused(refusal);
    return {
      tenantKey,
      admittedAt: performance.now(),
      admittedAlone: this.fairShare.inFlight === 1,
      released: false,
    };
  }

  /**
   * Charges an admitted request to `tenantKey` instead (its tenant, now known). False, with the request's
   * slot given back and the refusal counted, when that tenant may not have one more.
   */
  chargeTo(ticket: AdmissionTicket, tenantKey: string): boolean {
    if (ticket.released || ticket.tenantKey === tenantKey) return !ticket.released;
    this.giveBack(ticket);
    const refusal = this.fairShare.admit(tenantKey, this.limit.current, this.isLagging());
    if (refusal !== undefined) {
      ticket.released = true;
      this.refused(refusal);
      return false;
    }
    ticket.tenantKey = tenantKey;
    return true;
  }

  /** Gives the slot back; `latencyClass` when the request was answered (see latencyClassOf), to learn from. */
  release(ticket: AdmissionTicket, latencyClass?: string): void {
    if (ticket.released) return;
    ticket.released = true;
    // Served alone: nobody else in flight when it came in nor when it leaves (a guess in between, good enough
    // for a median of several).
    const alone = ticket.admittedAlone && this.fairShare.inFlight === 1;
    this.giveBack(ticket);
    if (latencyClass !== undefined)
      this.limit.observe(latencyClass, performance.now() - ticket.admittedAt, alone);
  }

  /** Keeps `ticket` with its request, for the tenant bound that runs once the tenant is resolved. */
  attach(request: IncomingMessage, ticket: AdmissionTicket): void {
    this.tickets.set(request, ticket);
  }

  ticketOf(request: IncomingMessage): AdmissionTicket | undefined {
    return this.tickets.get(request);
  }

  private giveBack(ticket: AdmissionTicket): void {
    if (ticket.tenantKey === undefined) this.fairShare.releaseUnattributed();
    else this.fairShare.release(ticket.tenantKey);
  }

  private isLagging(): boolean {
    return this.eventLoop.currentDelayMs > this.config.admission.maxEventLoopDelayMs;
  }

  private refused(reason: ShedReason): ShedReason {
    this.shed.inc({ reason });
    return reason;
  }
}
