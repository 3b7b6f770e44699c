import { IsOptional, Matches } from 'class-validator';
import { AuditEventsQueryDto } from './audit-events.query.dto';

/** `platform` selects the platform's own events (those without a tenant). */
export const PLATFORM_EVENTS = 'platform';

export class AdminAuditEventsQueryDto extends AuditEventsQueryDto {
  @IsOptional()
  @Matches(/^(?:[0-9a-f]{24}|platform)$/, { message: 'tenant_id must be a tenant id or "platform"' })
  tenant_id?: string;
}
