import { IsOptional, Matches } from 'class-validator';

export class UsagePeriodQueryDto {
  /** `YYYY-MM` (UTC month); the current month when absent. Future months are refused by the service. */
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a month written YYYY-MM' })
  period?: string;
}
