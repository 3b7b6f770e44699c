import { Controller, Get, Query } from '@nestjs/common';
import { type AuditEvent, AuditService } from '@tenantpay/audit';
import type { ListEnvelope } from '@tenantpay/platform';
import { BypassTenantIsolation, Roles, SUPER_ADMIN_ROLE } from '@tenantpay/tenancy';
import { auditSearchRequest } from './audit-search-request';
import { AdminAuditEventsQueryDto, PLATFORM_EVENTS } from './dto/admin-audit-events.query.dto';
import { ListResponse } from '../openapi/list-response.decorator';
import { AuditEventResponse } from './responses/audit-event.response';

/** Every tenant's audit trail and the platform's own, for platform operators (SPEC §10, §11). */
@Controller('admin/audit-events')
@BypassTenantIsolation('platform audit search')
@Roles(SUPER_ADMIN_ROLE)
export class AdminAuditEventsController {
  constructor(private readonly audit: AuditService) {}

  /** Search audit events across tenants. */
  @ListResponse(AuditEventResponse)
  @Get()
  search(@Query() query: AdminAuditEventsQueryDto): Promise<ListEnvelope<AuditEvent>> {
    const tenantId = query.tenant_id === PLATFORM_EVENTS ? null : query.tenant_id;
    const { filter, page } = auditSearchRequest(query, tenantId);
    return this.audit.search(filter, page);
  }
}
