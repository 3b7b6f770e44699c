import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { principalActorId, TenantContextService } from '@tenantpay/tenancy';
import type { Connection, Types } from 'mongoose';
import {
  type SecurityEvent,
  SECURITY_EVENT_RECORDER,
  type SecurityEventRecorder,
} from './audit/security-event-recorder';
import { DATA_ISOLATION_AUDIT_ACTIONS } from './data-isolation.constant';
import { DATA_ISOLATION_OPTIONS, type DataIsolationOptions } from './data-isolation-options';
import type { CrossTenantAccessException } from './errors/cross-tenant-access.exception';
import { PlatformScopeRequiredException } from './errors/platform-scope-required.exception';
import { type CollectionRegistry, staticCollectionRegistry } from './guards/collection-registry';
import { toTenantObjectId } from './guards/tenant-object-id';
import { tenantOwnedCollections } from './plugin/tenant-collections';

/**
 * What repositories need from the running application: the current tenant (always from the context, never
 * from an argument), the current actor, the collection registry for joins, and the security audit trail.
 * One injectable so a concrete repository's constructor takes its model and this.
 */
@Injectable()
export class DataIsolationService {
  private readonly logger = new Logger(DataIsolationService.name);
  private readonly sharedCollections: readonly string[];

  constructor(
    readonly context: TenantContextService,
    @Optional() @Inject(SECURITY_EVENT_RECORDER) private readonly recorder?: SecurityEventRecorder,
    @Optional() @Inject(DATA_ISOLATION_OPTIONS) options?: DataIsolationOptions,
  ) {
    this.sharedCollections = [...(options?.sharedCollections ?? [])];
  }

  /** The context's tenant as the canonical ObjectId; throws TenantContextMissingException outside one. */
  tenantObjectId(): Types.ObjectId {
    return toTenantObjectId(this.context.getTenantId());
  }

  /** Who is acting (for `deletedBy`), or null for work without a principal. */
  actorId(): string | null {
    const principal = this.context.current()?.principal;
    return principal == null ? null : principalActorId(principal);
  }

  /** The platform scope's reason; throws unless the work runs in runAsPlatform without a tenant. */
  requirePlatformScope(operation: string): string {
    const scope = this.context.platformScope();
    if (scope === undefined || this.context.hasContext()) throw new PlatformScopeRequiredException(operation);
    return scope.reason;
  }

  registryFor(connection: Connection): CollectionRegistry {
    return staticCollectionRegistry(tenantOwnedCollections(connection), this.sharedCollections);
  }

  recordRefusal(refusal: CrossTenantAccessException, operation: string, collection: string): void {
    this.record({
      action: DATA_ISOLATION_AUDIT_ACTIONS.crossTenantAttempt,
      outcome: 'denied',
      // The rule and path only: never the foreign id, because this tenant's admins can read their audit log.
      metadata: { ...this.who(), rule: refusal.rule, path: refusal.path, operation, collection },
    });
  }

  recordPlatformUse(
    reason: string,
    operation: string,
    collection: string,
    details: Record<string, unknown> = {},
  ): void {
    this.record({
      action: DATA_ISOLATION_AUDIT_ACTIONS.platformScopeUsed,
      outcome: 'success',
      metadata: { ...this.who(), ...details, reason, operation, collection },
    });
  }

  record(event: SecurityEvent): void {
    if (this.recorder === undefined) {
      this.logger.warn({ event }, 'Security event (no SecurityEventRecorder is bound)');
      return;
    }
    try {
      Promise.resolve(this.recorder.record(event)).catch((error: unknown) =>
        this.logger.error({ err: error, action: event.action }, 'Could not record a security event'),
      );
    } catch (error) {
      this.logger.error({ err: error, action: event.action }, 'Could not record a security event');
    }
  }

  private who(): Record<string, unknown> {
    const current = this.context.current();
    return {
      tenantId: current?.tenant?.id ?? null,
      actorId: this.actorId(),
      requestId: current?.requestId ?? null,
    };
  }
}
