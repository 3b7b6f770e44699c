import { InvalidUsagePeriodException } from './invalid-usage-period.exception';

const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * A billing period: one calendar month in UTC, written `YYYY-MM`. Months are UTC everywhere (keys, records,
 * reads), so a tenant's usage never splits differently depending on which server counted it.
 */
export class UsagePeriod {
  private constructor(
    readonly year: number,
    /** 1–12. */
    readonly month: number,
  ) {}

  /** The period containing `instant`. */
  static containing(instant: Date): UsagePeriod {
    return new UsagePeriod(instant.getUTCFullYear(), instant.getUTCMonth() + 1);
  }

  /** Parses `YYYY-MM`; anything else (including `2025-1`, `2025-13`) is refused with a validation error. */
  static parse(value: string): UsagePeriod {
    const match = PERIOD_PATTERN.exec(value);
    if (match === null) throw new InvalidUsagePeriodException('must be a month written YYYY-MM');
    const year = Number(match[1]);
    if (year < 2000) throw new InvalidUsagePeriodException('must be a month from 2000-01 on');
    return new UsagePeriod(year, Number(match[2]));
  }

  static isValid(value: string): boolean {
    return PERIOD_PATTERN.test(value);
  }

  /** First instant of the period. */
  get start(): Date {
    return new Date(Date.UTC(this.year, this.month - 1, 1));
  }

  /** First instant after the period (exclusive end), which is also when a monthly quota resets. */
  get end(): Date {
    return new Date(Date.UTC(this.year, this.month, 1));
  }

  next(): UsagePeriod {
    return this.month === 12 ? new UsagePeriod(this.year + 1, 1) : new UsagePeriod(this.year, this.month + 1);
  }

  previous(): UsagePeriod {
    return this.month === 1 ? new UsagePeriod(this.year - 1, 12) : new UsagePeriod(this.year, this.month - 1);
  }

  isAfter(other: UsagePeriod): boolean {
    return this.year * 12 + this.month > other.year * 12 + other.month;
  }

  equals(other: UsagePeriod): boolean {
    return this.year === other.year && this.month === other.month;
  }

  toString(): string {
    return `${this.year}-${String(this.month).padStart(2, '0')}`;
  }

  toJSON(): string {
    return this.toString();
  }
}
