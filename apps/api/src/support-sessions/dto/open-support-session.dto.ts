import { SUPPORT_SESSION_MAX_MINUTES } from '@tenantpay/identity';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

export class OpenSupportSessionDto {
  /** Shown to the tenant in its audit trail: say what the operator is looking into and why (ticket, incident). */
  @IsString()
  @Length(10, 500)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(SUPPORT_SESSION_MAX_MINUTES)
  durationMinutes?: number;
}
