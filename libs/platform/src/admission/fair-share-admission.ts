import { ShedReason } from './shed-reason.enum';

export interface FairShareBounds {
  /** Requests the instance never exceeds, whatever the adaptive limit and the shares say. */
  readonly ceiling: number;
  /** Requests one tenant never exceeds. */
  readonly perTenant: number;
  /**
   * How long a tenant counts as active after its last admitted request. A tenant that sends a request a
   * second is active all the time, not only during the few milliseconds its requests are in flight: its share
   * stays reserved, so a flood cannot fill the gaps between its requests.
   */
  readonly activityWindowMs: number;
}

/** How quickly a tenant's average use follows its requests in flight (time constant of the average). */
const USAGE_TIME_CONSTANT_MS = 1_000;

interface TenantLoad {
  inFlight: number;
  lastAdmittedAt: number;
  /** Requests in flight, averaged over about the last second (exponentially, by time). */
  usage: number;
  usageAt: number;
}

/**
 * Who gets the instance's slots when there are fewer than the tenants want: each active tenant gets an equal
 * share of the current limit (at least one request), and the limit binds only tenants at or over their share.
 * So when the instance is at its limit the over-share tenant is the one refused, and a tenant under its share
 * is admitted up to the ceiling: a flood never makes a quiet tenant wait or fail. A tenant that uses less than
 * half its share on average may have one request more than its share (two of its requests arriving together). While the event loop lags,
 * every new request would wait for the loop, so a tenant keeps one request in flight and gets more only if it
 * is under its share while another tenant uses its full share (the lag is then that tenant's doing); the
 * rest is refused. One request per tenant keeps every tenant going through a lag it did not cause.
 * Pure: the caller supplies the clock, the limit and the lag signal, so the policy is testable as is.
 */
export class FairShareAdmission {
  private total = 0;
  private unattributed = 0;
  private readonly tenants = new Map<string, TenantLoad>();
  private lastSweepAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly bounds: FairShareBounds,
    private readonly now: () => number,
  ) {}

  get inFlight(): number {
    return this.total;
  }

  inFlightOf(tenantKey: string): number {
    return this.tenants.get(tenantKey)?.inFlight ?? 0;
  }

  /** Tenants with requests in flight or admitted within the activity window (give or take a quarter of it). */
  get activeTenants(): number {
    return this.tenants.size;
  }

  /** Each active tenant's share of `limit`, counting `tenantKey` as active. */
  shareOf(tenantKey: string, limit: number): number {
    this.sweepIdle();
    const active = this.tenants.size + (this.tenants.has(tenantKey) ? 0 : 1);
    return Math.max(1, Math.floor(Math.min(limit, this.bounds.ceiling) / active));
  }

  /** Takes a slot for `tenantKey`, or says why not. */
  admit(tenantKey: string, limit: number, lagging: boolean): ShedReason | undefined {
    this.sweepIdle();
    const load = this.tenants.get(tenantKey);
    const inFlight = load?.inFlight ?? 0;
    if (inFlight >= this.bounds.perTenant) return ShedReason.TenantInFlight;
    if (this.total >= this.bounds.ceiling) return ShedReason.InstanceInFlight;
    const share = this.shareOf(tenantKey, limit);
    const underShare = inFlight < share;
    if (lagging && !(underShare && (inFlight === 0 || this.anotherUsesFullShare(tenantKey, share))))
      return ShedReason.EventLoopDelay;
    if (!underShare && this.total >= limit && !this.mayBurst(load, share)) return ShedReason.InstanceInFlight;
    this.total += 1;
    const at = this.now();
    if (load === undefined)
      this.tenants.set(tenantKey, { inFlight: 1, lastAdmittedAt: at, usage: 0, usageAt: at });
    else {
      this.settleUsage(load, at);
      load.inFlight += 1;
      load.lastAdmittedAt = at;
    }
    return undefined;
  }

  /**
   * Takes a slot for a request whose tenant is not known yet: within the limit only, and not while the event
   * loop lags. It belongs to no tenant's share (a cold start must not squeeze every new client into one), and
   * tenants under their share are still admitted past such requests, up to the ceiling.
   */
  admitUnattributed(limit: number, lagging: boolean): ShedReason | undefined {
    if (this.total >= Math.min(limit, this.bounds.ceiling)) return ShedReason.InstanceInFlight;
    if (lagging) return ShedReason.EventLoopDelay;
    this.total += 1;
    this.unattributed += 1;
    return undefined;
  }

  releaseUnattributed(): void {
    if (this.unattributed === 0) return;
    this.unattributed -= 1;
    this.total -= 1;
  }

  release(tenantKey: string): void {
    const load = this.tenants.get(tenantKey);
    if (load === undefined || load.inFlight === 0) return;
    this.settleUsage(load, this.now());
    load.inFlight -= 1;
    this.total -= 1;
  }

  /**
   * One request past its share for a tenant that uses, on average over the last second, less than half of
   * it: a light tenant whose requests happen to arrive together is not refused for it, while a tenant that
   * keeps its share busy (a flood) never gets more than its share once the instance is at its limit.
   */
  private mayBurst(load: TenantLoad | undefined, share: number): boolean {
    if (load === undefined || load.inFlight > share) return false;
    this.settleUsage(load, this.now());
    return load.usage < share / 2;
  }

  private settleUsage(load: TenantLoad, at: number): void {
    const elapsed = at - load.usageAt;
    if (elapsed <= 0) return;
    const kept = Math.exp(-elapsed / USAGE_TIME_CONSTANT_MS);
    load.usage = load.usage * kept + load.inFlight * (1 - kept);
    load.usageAt = at;
  }

  /** Only while lagging: a scan of the active tenants, which the normal path never does. */
  private anotherUsesFullShare(tenantKey: string, share: number): boolean {
    for (const [key, load] of this.tenants) if (key !== tenantKey && load.inFlight >= share) return true;
    return false;
  }

  /** Forgets tenants idle for the activity window, at most four times per window. */
  private sweepIdle(): void {
    const at = this.now();
    if (at - this.lastSweepAt < this.bounds.activityWindowMs / 4) return;
    this.lastSweepAt = at;
    for (const [key, load] of this.tenants)
      if (load.inFlight === 0 && at - load.lastAdmittedAt >= this.bounds.activityWindowMs)
        this.tenants.delete(key);
  }
}
