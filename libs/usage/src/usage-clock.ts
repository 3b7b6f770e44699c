/**
 * The clock that decides which period an event belongs to. Injected so tests can stand at a month boundary;
 * production uses the system clock (UTC periods do not depend on the server's time zone).
 */
export interface UsageClock {
  now(): Date;
}

export const USAGE_CLOCK = Symbol('USAGE_CLOCK');

export const SYSTEM_USAGE_CLOCK: UsageClock = { now: () => new Date() };
