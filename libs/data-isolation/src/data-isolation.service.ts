import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import {
  type AdmittedWrite,
  PLACEMENT_WRITE_GATE,
  PlacementConnections,
  type PlacementWriteGate,
  TenantPlacementResolver,
} from '@tenantpay/placement';
import { SHARED_PLACEMENT } from '@tenantpay/platform';
import { principalActorId, TenantContextService } from '@tenantpay/tenancy';
import { type Connection, type Model, trusted, type Types } from 'mongoose';
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
import { PlacementModels } from './placement/placement-models';
import { tenantOwnedCollections } from './plugin/tenant-collections';

/** One placement's share of a platform-scope operation: its model and the tenants to read there. */
export interface PlacementShare<T> {
  readonly placement: string;
  readonly model: Model<T>;
  /** A `tenantId` condition (the tenants currently placed here), or null for every tenant. */
  readonly tenants: Record<string, unknown> | null;
}

/** Without PlacementModule no move can freeze a tenant: nothing counts writes in flight. */
const UNGATED_WRITE: AdmittedWrite = { landed: () => undefined };

/**
 * What repositories need from the running application: the current tenant (always from the context, never
 * from an argument) and the model of its placement, the write gate, the current actor, the collection
 * registry for joins, and the security audit trail. One injectable so a concrete repository's constructor
 * takes its model and this.
 *
 * Without PlacementModule (library tests) every tenant must be on `shared`: a tenant placed elsewhere is
 * refused rather than served from the shared database.
 */
@Injectable()
export class DataIsolationService {
  private readonly logger = new Logger(DataIsolationService.name);
  private readonly sharedCollections: readonly string[];
  private readonly placementModels: PlacementModels | undefined;

  constructor(
    readonly context: TenantContextService,
    @Optional() @Inject(SECURITY_EVENT_RECORDER) private readonly recorder?: SecurityEventRecorder,
    @Optional() @Inject(DATA_ISOLATION_OPTIONS) options?: DataIsolationOptions,
    @Optional() private readonly placements?: PlacementConnections,
    @Optional() private readonly placementResolver?: TenantPlacementResolver,
    @Optional() @Inject(PLACEMENT_WRITE_GATE) private readonly writeGate?: PlacementWriteGate,
  ) {
    this.sharedCollections = [...(options?.sharedCollections ?? [])];
    this.placementModels = placements === undefined ? undefined : new PlacementModels(placements);
  }

  /** The placement of the context's tenant (`shared` outside a tenant context). */
  placement(): string {
    return this.context.current()?.tenant?.placement ?? SHARED_PLACEMENT;
  }

  /** `model` on the placement of the context's tenant (or on `placement`). */
  async modelFor<T>(model: Model<T>, placement: string = this.placement()): Promise<Model<T>> {
    if (placement === SHARED_PLACEMENT) return model;
    return this.require(this.placementModels, placement).modelFor(model, placement);
  }

  /** The placement of any tenant (see TenantPlacementResolver); `shared` for all without PlacementModule. */
  async placementOf(tenantId: string): Promise<string> {
    return this.placementResolver === undefined
      ? SHARED_PLACEMENT
      : this.placementResolver.placementOf(tenantId);
  }

  /** Every placement a tenant may be on (`shared` alone without PlacementModule). */
  placementNames(): string[] {
    return this.placements?.names() ?? [SHARED_PLACEMENT];
  }

  /** The connection of the context tenant's placement; `shared` is the application connection given. */
  async connectionFor(shared: Connection, placement: string = this.placement()): Promise<Connection> {
    if (placement === SHARED_PLACEMENT) return shared;
    return this.require(this.placements, placement).connectionFor(placement);
  }

  /** Without PlacementModule only `shared` exists: a tenant placed elsewhere is refused, never served from it. */
  private require<P>(provider: P | undefined, placement: string): P {
    if (provider === undefined)
      throw new Error(`The tenant is placed on "${placement}" but no PlacementModule is bound`);
    return provider;
  }

  /** Refuses a write while the tenant's placement is being switched (see PlacementWriteGate). */
  async admitWrite(tenantId: string): Promise<AdmittedWrite> {
    return (await this.writeGate?.admitWrite(tenantId)) ?? UNGATED_WRITE;
  }

  /**
   * Where a platform-scope operation on `model` must go: every placement that holds tenants, each restricted to
   * the tenants placed there now, so a tenant is read once, on its current placement, even while a moved
   * tenant's old copy is still retained elsewhere. Placements without tenants are not connected to.
   */
  async everyPlacement<T>(model: Model<T>): Promise<PlacementShare<T>[]> {
    const dedicated = (this.placements?.names() ?? []).filter((name) => name !== SHARED_PLACEMENT);
    if (dedicated.length === 0 || this.placementResolver === undefined)
      return [{ placement: SHARED_PLACEMENT, model, tenants: null }];
    const placed = await this.placementResolver.tenantsPlacedOn(dedicated);
    const tenantsOf = (placement: string) =>
      [...placed].filter(([, on]) => on === placement).map(([id]) => toTenantObjectId(id));
    const shares: PlacementShare<T>[] = [
      {
        placement: SHARED_PLACEMENT,
        model,
        tenants:
          placed.size === 0
            ? null
            : { tenantId: trusted({ $nin: [...placed.keys()].map(toTenantObjectId) }) },
      },
    ];
    for (const placement of dedicated) {
      const tenants = tenantsOf(placement);
      if (tenants.length === 0) continue;
      shares.push({
        placement,
        model: await this.modelFor(model, placement),
        tenants: { tenantId: trusted({ $in: tenants }) },
      });
    }
    return shares;
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
