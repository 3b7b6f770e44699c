import { IsOptional, Matches } from 'class-validator';
import { AUDIT_TENANT_ID, AuditEventsQueryDto } from './audit-events.query.dto';

export class TenantAuditEventsQueryDto extends AuditEventsQueryDto {
  /**
   * Accepted only so that naming another tenant is refused loudly (403 and a security audit event)
   * instead of being silently ignored; a tenant's admins always read their own tenant's events.
   */
  @IsOptional()
  @Matches(AUDIT_TENANT_ID, { message: 'tenant_id must be a tenant id' })
  tenant_id?: string;
}
