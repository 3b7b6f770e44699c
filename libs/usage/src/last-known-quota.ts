/** Tenant-periods remembered at most; the oldest is forgotten first (a forgotten tenant gets 503s in an outage). */
const MAX_REMEMBERED = 100_000;

interface Remainder {
  limit: number;
  free: number;
}

/**
 * What this process last learned of each tenant-period's free transaction quota (Redis's answer to its last
 * reservation), minus what it admitted on that knowledge since. While Redis does not answer, reservations are
 * decided from it: never more than the remainder last known, and nothing for a tenant never seen. Each process
 * decides alone, so N processes admit at most N times the remainder between them during an outage.
 */
export class LastKnownQuota {
  private readonly remainders = new Map<string, Remainder>();

  remember(tenantId: string, period: string, limit: number, free: number): void {
    const key = keyOf(tenantId, period);
    // Delete first: a Map iterates in insertion order, so the least recently told is evicted first.
    this.remainders.delete(key);
    this.remainders.set(key, { limit, free: Math.max(0, free) });
    if (this.remainders.size > MAX_REMEMBERED) {
      const oldest = this.remainders.keys().next();
      if (oldest.done !== true) this.remainders.delete(oldest.value);
    }
  }

  /**
   * Takes `units` from the remainder: `true` when they fit, `false` when they do not, `undefined` when nothing is
   * known. A limit changed since (tier change) moves the remainder by the difference.
   */
  take(tenantId: string, period: string, limit: number, units: number): boolean | undefined {
    const remainder = this.remainders.get(keyOf(tenantId, period));
    if (remainder === undefined) return undefined;
    if (remainder.limit !== limit) {
      remainder.free = Math.max(0, remainder.free + limit - remainder.limit);
      remainder.limit = limit;
    }
    if (units > remainder.free) return false;
    remainder.free -= units;
    return true;
  }

  /** Units taken by {@link take} whose creation failed. */
  giveBack(tenantId: string, period: string, units: number): void {
    const remainder = this.remainders.get(keyOf(tenantId, period));
    if (remainder !== undefined) remainder.free += units;
  }
}

function keyOf(tenantId: string, period: string): string {
  return `${tenantId}:${period}`;
}
