import type { SequencedUsageEvent, UsageEvent } from './usage-event';

/**
 * Usage events waiting for Redis, oldest first, bounded: when full, the oldest event is dropped (and counted
 * by the caller) rather than the process growing without limit during a long outage.
 */
export class UsageEventBuffer {
  private events: SequencedUsageEvent[] = [];

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.events.length;
  }

  /** Adds an event; returns the events dropped to make room (none or the oldest one). */
  push(event: SequencedUsageEvent): SequencedUsageEvent[] {
    this.events.push(event);
    if (this.events.length <= this.capacity) return [];
    return this.events.splice(0, 1);
  }

  /** Takes up to `count` of the oldest events out of the buffer. */
  take(count: number): SequencedUsageEvent[] {
    return this.events.splice(0, count);
  }

  /** Puts events taken but not written back in front, keeping their order; returns the events dropped. */
  restore(events: readonly SequencedUsageEvent[]): SequencedUsageEvent[] {
    this.events = [...events, ...this.events];
    const overflow = this.events.length - this.capacity;
    if (overflow <= 0) return [];
    return this.events.splice(0, overflow);
  }

  /** What the buffered events of one tenant and period add up to (reads show usage not yet in Redis). */
  pendingFor(
    tenantId: string,
    period: string,
  ): { increments: Required<UsageEvent['increments']>; storageBytes: number } {
    const total = { api_calls: 0, transactions: 0, bandwidth_bytes: 0 };
    let storageBytes = 0;
    for (const event of this.events) {
      if (event.tenantId !== tenantId || event.period !== period) continue;
      total.api_calls += event.increments.api_calls ?? 0;
      total.transactions += event.increments.transactions ?? 0;
      total.bandwidth_bytes += event.increments.bandwidth_bytes ?? 0;
      storageBytes = Math.max(storageBytes, event.storageBytes ?? 0);
    }
    return { increments: total, storageBytes };
  }
}
