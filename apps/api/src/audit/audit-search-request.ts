import type { AuditPageRequest, AuditSearchFilter } from '@tenantpay/audit';
import type { AuditEventsQueryDto } from './dto/audit-events.query.dto';

/** The audit library's search arguments from a validated query; `tenantId` is decided by the caller. */
export function auditSearchRequest(
  query: AuditEventsQueryDto,
  tenantId: string | null | undefined,
): { filter: AuditSearchFilter; page: AuditPageRequest } {
  return {
    filter: {
      ...(tenantId !== undefined ? { tenantId } : {}),
      ...(query.actor_id !== undefined ? { actorId: query.actor_id } : {}),
      ...(query.action !== undefined ? { action: query.action } : {}),
      ...(query.outcome !== undefined ? { outcome: query.outcome } : {}),
      ...(query.from !== undefined ? { from: new Date(query.from) } : {}),
      ...(query.to !== undefined ? { to: new Date(query.to) } : {}),
    },
    page: {
      ...(query.limit !== undefined ? { limit: query.limit } : {}),
      ...(query.starting_after !== undefined ? { starting_after: query.starting_after } : {}),
    },
  };
}
