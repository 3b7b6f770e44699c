import {
  AUDIT_ACTION_NAMES,
  AUDIT_OUTCOMES,
  type AuditActionName,
  type AuditOutcome,
} from '@tenantpay/audit';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

const OBJECT_ID = /^[0-9a-f]{24}$/;

/** The filters and cursor both audit searches share; the tenant filter differs (see the subclasses). */
export class AuditEventsQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  /** The id of the last event of the previous page: the next (older) page follows. */
  @IsOptional()
  @Matches(OBJECT_ID, { message: 'starting_after must be an audit event id' })
  starting_after?: string;

  /** The acting user's, API key's or platform user's id. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  actor_id?: string;

  @IsOptional()
  @IsIn(AUDIT_ACTION_NAMES)
  action?: AuditActionName;

  @IsOptional()
  @IsIn(AUDIT_OUTCOMES)
  outcome?: AuditOutcome;

  /** Inclusive, ISO 8601. */
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  /** Exclusive, ISO 8601. */
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export const AUDIT_TENANT_ID = OBJECT_ID;
