import { Matches } from 'class-validator';

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A range of whole UTC days, both ends included. */
export class AnalyticsQueryDto {
  @Matches(DAY, { message: 'from must be a date such as 2024-01-31' })
  from!: string;

  @Matches(DAY, { message: 'to must be a date such as 2024-01-31' })
  to!: string;
}
