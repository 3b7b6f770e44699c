import { Controller, Get, Query } from '@nestjs/common';
import { type AuditEvent, AuditService } from '@tenantpay/audit';
import type { ListEnvelope } from '@tenantpay/platform';
import { TenantUserRole } from '@tenantpay/identity';
import { ErrorCode } from '@tenantpay/platform';
import { Roles } from '@tenantpay/tenancy';
import { DocumentedErrors } from '../openapi/documented-errors.decorator';
import { auditSearchRequest } from './audit-search-request';
import { TenantAuditEventsQueryDto } from './dto/tenant-audit-events.query.dto';
import { ListResponse } from '../openapi/list-response.decorator';
import { AuditEventResponse } from './responses/audit-event.response';

/** A tenant's own audit trail, for its admins (SPEC §11). AuditService confines the search to the tenant. */
@Controller('audit-events')
@Roles(TenantUserRole.Admin)
export class AuditEventsController {
  constructor(private readonly audit: AuditService) {}

  /** Search the tenant's audit events. */
  @DocumentedErrors(ErrorCode.CrossTenantAccess)
  @ListResponse(AuditEventResponse)
  @Get()
  search(@Query() query: TenantAuditEventsQueryDto): Promise<ListEnvelope<AuditEvent>> {
    const { filter, page } = auditSearchRequest(query, query.tenant_id);
    return this.audit.search(filter, page);
  }
}
