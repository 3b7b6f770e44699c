import type { SecurityEvent, SecurityEventRecorder } from '../../src';

export class InMemorySecurityEventRecorder implements SecurityEventRecorder {
  readonly events: SecurityEvent[] = [];

  record(event: SecurityEvent): void {
    this.events.push(event);
  }

  actions(): string[] {
    return this.events.map((event) => event.action);
  }

  clear(): void {
    this.events.length = 0;
  }
}
