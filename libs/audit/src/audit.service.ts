import { Injectable, Logger } from '@nestjs/common';
import { type ErrorDetail, type ListEnvelope, listEnvelope, ValidationException } from '@tenantpay/platform';
import {
  ResolutionMethod,
  TenantContextMissingException,
  TenantContextService,
  type TenantContext,
} from '@tenantpay/tenancy';
import { AuditAction, type AuditActionName } from './audit-actions.constant';
import type { AuditActor, AuditEvent, AuditResource } from './audit-event';
import { type AuditEventQuery, AuditEventRepository, type NewAuditEvent } from './audit-event.repository';
import type { AuditRecordInput } from './audit-record-input';
import {
  AUDIT_PAGE_DEFAULT_LIMIT,
  AUDIT_PAGE_MAX_LIMIT,
  type AuditPageRequest,
  type AuditSearchFilter,
} from './audit-search';
import { auditWriteFailuresCounter } from './audit-write-failures.metric';
import { CrossTenantAuditSearchException } from './cross-tenant-audit-search.exception';
import { redactAuditMetadata } from './redact-audit-metadata';

const OBJECT_ID = /^[0-9a-f]{24}$/;

/**
 * Records and searches the audit trail (SPEC §11).
 *
 * Failure policy for `record`: auditing must never break the operation being audited, and an event must
 * never be lost without a trace. So `record` never throws or rejects; when the event cannot be stored it is
 * logged at error level in full (metadata already redacted) under the message `audit event not stored`,
 * from which it can be re-inserted, and `tenantpay_audit_write_failures_total` is incremented. Callers
 * may await it (the event is stored or logged when it resolves) or, on a hot path, not.
 */
@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);
  private readonly writeFailures = auditWriteFailuresCounter();

  constructor(
    private readonly repository: AuditEventRepository,
    private readonly tenantContext: TenantContextService,
  ) {}

  async record(input: AuditRecordInput): Promise<void> {
    let event: NewAuditEvent | undefined;
    try {
      event = this.toEvent(input, this.tenantContext.current());
      await this.repository.insert(event);
    } catch (error: unknown) {
      this.writeFailures.inc({ action: String(input.action) });
      this.logger.error({
        msg: 'audit event not stored',
        auditEvent: event ?? { action: input.action, outcome: input.outcome },
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }

  /**
   * The common case: the current principal changed a resource successfully (tenant, actor and request id
   * come from the context). Same failure policy as `record`.
   */
  recordChange(
    action: AuditActionName,
    resource: AuditResource,
    ip: string | null,
    metadata?: Readonly<Record<string, unknown>>,
  ): Promise<void> {
    return this.record({ action, outcome: 'success', resource, ip, ...(metadata ? { metadata } : {}) });
  }

  /**
   * Tenant callers get their own tenant's events only; the platform scope (super-admins) may search every
   * tenant's and the platform's own. Outside both there is nothing this could safely return.
   */
  async search(
    filter: AuditSearchFilter = {},
    page: AuditPageRequest = {},
  ): Promise<ListEnvelope<AuditEvent>> {
    const query: AuditEventQuery = {
      ...this.validated(filter, page),
      tenantId: await this.visibleTenant(filter),
    };
    const { events, hasMore } = await this.repository.search(query);
    return listEnvelope(events, hasMore);
  }

  private toEvent(input: AuditRecordInput, context: TenantContext | undefined): NewAuditEvent {
    const platformReason = this.tenantContext.platformScope()?.reason;
    const metadata =
      platformReason === undefined
        ? input.metadata
        : // First and last, so the scope reason survives truncation and cannot be overwritten by the caller.
          Object.assign({ platformScope: platformReason }, input.metadata, { platformScope: platformReason });
    return {
      tenantId: input.tenantId !== undefined ? input.tenantId : (context?.tenant?.id ?? null),
      actor: input.actor ?? actorOf(context, platformReason !== undefined),
      action: input.action,
      resource: input.resource ?? null,
      outcome: input.outcome,
      ip: input.ip ?? null,
      requestId: input.requestId ?? (context?.requestId || null),
      at: new Date(),
      metadata: redactAuditMetadata(metadata),
    };
  }

  private async visibleTenant(filter: AuditSearchFilter): Promise<string | null | undefined> {
    const context = this.tenantContext.current();
    const ownTenantId = context?.tenant?.id;
    if (ownTenantId !== undefined) {
      if (filter.tenantId !== undefined && filter.tenantId !== ownTenantId) {
        await this.record({
          action: AuditAction.TenantCrossTenantAttempt,
          outcome: 'denied',
          metadata: { operation: 'audit.search', requestedTenantId: filter.tenantId },
        });
        throw new CrossTenantAuditSearchException();
      }
      return ownTenantId;
    }
    if (this.tenantContext.platformScope() !== undefined) return filter.tenantId;
    throw new TenantContextMissingException('AuditService.search()');
  }

  private validated(filter: AuditSearchFilter, page: AuditPageRequest): Omit<AuditEventQuery, 'tenantId'> {
    const problems: ErrorDetail[] = [];
    const limit = page.limit ?? AUDIT_PAGE_DEFAULT_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > AUDIT_PAGE_MAX_LIMIT) {
      problems.push({ field: 'limit', issue: `must be an integer from 1 to ${AUDIT_PAGE_MAX_LIMIT}` });
    }
    if (page.starting_after !== undefined && !OBJECT_ID.test(page.starting_after)) {
      problems.push({ field: 'starting_after', issue: 'must be an audit event id' });
    }
    if (typeof filter.tenantId === 'string' && !OBJECT_ID.test(filter.tenantId)) {
      problems.push({ field: 'tenantId', issue: 'must be a tenant id' });
    }
    for (const field of ['from', 'to'] as const) {
      const value = filter[field];
      if (value !== undefined && !(value instanceof Date && !Number.isNaN(value.getTime()))) {
        problems.push({ field, issue: 'must be a valid date' });
      }
    }
    if (problems.length > 0) throw new ValidationException(problems);
    return {
      limit,
      ...(page.starting_after !== undefined ? { startingAfter: page.starting_after } : {}),
      ...(filter.actorId !== undefined ? { actorId: filter.actorId } : {}),
      ...(filter.action !== undefined ? { action: filter.action } : {}),
      ...(filter.outcome !== undefined ? { outcome: filter.outcome } : {}),
      ...(filter.from !== undefined ? { from: filter.from } : {}),
      ...(filter.to !== undefined ? { to: filter.to } : {}),
    };
  }
}

/**
 * The actor the context implies. Without a verified principal: work the platform started itself (jobs,
 * platform-scope maintenance, code outside any request) is `system`; a request nobody authenticated is
 * `anonymous`.
 */
function actorOf(context: TenantContext | undefined, inPlatformScope: boolean): AuditActor {
  const principal = context?.principal;
  if (principal != null) {
    switch (principal.kind) {
      case 'user':
        return { type: 'user', id: principal.userId };
      case 'api-key':
        return { type: 'api-key', id: principal.apiKeyId };
      case 'platform-user':
        return { type: 'platform-user', id: principal.userId };
      case 'support':
        return { type: 'support', id: principal.operatorId };
    }
  }
  const startedByPlatform =
    context === undefined || context.resolvedBy === ResolutionMethod.Job || inPlatformScope;
  return { type: startedByPlatform ? 'system' : 'anonymous' };
}
