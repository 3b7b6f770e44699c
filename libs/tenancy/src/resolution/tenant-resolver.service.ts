import { Inject, Injectable, Optional } from '@nestjs/common';
import { TenantLookupService } from '../cache/tenant-lookup.service';
import type { Principal } from '../context/principal';
import { TenancyMetrics } from '../metrics/tenancy-metrics';
import { auditActorOf } from './audit-actor';
import { awaitPromisesAmong } from './await-promises-among';
import type { TenantSnapshot } from '../tenants/tenant-snapshot';
import { SECURITY_AUDIT_SINK, type SecurityAuditSink } from './security-audit-sink';
import { TenancyAuditAction } from './tenancy-audit-actions.constant';
import { TenantMismatchException } from './tenant-mismatch.exception';
import type { TenantReference } from './tenant-reference';
import type { TenantResolution } from './tenant-resolution';
import {
  type ResolutionInput,
  TENANT_RESOLUTION_STRATEGIES,
  type TenantResolutionStrategy,
} from './tenant-resolution-strategy';
import { type Awaitable, thenOrNow } from './then-or-now';
import { UnknownCredentialTenantException } from './unknown-credential-tenant.exception';

interface Found {
  readonly strategy: TenantResolutionStrategy;
  readonly reference: TenantReference;
  /** The tenant the reference names, null when it names none that exists; undefined when it names none. */
  readonly tenant: TenantSnapshot | null | undefined;
}

/**
 * Works out a request's tenant and caller from every strategy (SPEC §4). Every strategy runs, not just
 * the first that answers, because the conflict rule needs them all: when two references name different
 * tenants the request is refused (403 tenant_mismatch, audited), never served as one of them. A name that
 * matches no tenant counts as naming a different tenant than one that does, so a caller learns nothing
 * about which names exist by pairing a header with a host.
 */
@Injectable()
export class TenantResolverService {
  private readonly strategies: readonly TenantResolutionStrategy[];

  constructor(
    @Inject(TENANT_RESOLUTION_STRATEGIES) strategies: readonly TenantResolutionStrategy[],
    private readonly lookup: TenantLookupService,
    @Inject(SECURITY_AUDIT_SINK) private readonly audit: SecurityAuditSink,
    @Optional() private readonly metrics?: TenancyMetrics,
  ) {
    this.strategies = [...strategies].sort((a, b) => a.priority - b.priority);
  }

  /**
   * Not async: when every strategy and tenant lookup answers at once (from in-process caches, as on nearly
   * every request), so does this, without a promise. A refusal is always a rejected promise, never a throw.
   */
  resolve(input: ResolutionInput): Awaitable<TenantResolution> {
    try {
      return thenOrNow(this.findAll(input), (found) => this.conclude(input, found));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private conclude(input: ResolutionInput, found: readonly Found[]): Awaitable<TenantResolution> {
    const credentials = found.filter((entry) => entry.strategy.isCredential);
    if (credentials.some((entry) => entry.reference.tenant !== null && entry.tenant === null)) {
      throw new UnknownCredentialTenantException();
    }

    const naming = found.filter((entry) => entry.reference.tenant !== null);
    const named = new Set(naming.map((entry) => entry.tenant?.id ?? null));
    if (named.size > 1) {
      return this.recordMismatch(input, found).then(() => {
        throw new TenantMismatchException();
      });
    }

    const credential = credentials.find((entry) => entry.reference.principal !== undefined);
    const principal = credential?.reference.principal;
    const tenant = naming[0]?.tenant ?? null;
    const resolvedBy = (tenant !== null ? naming[0]?.strategy.method : credential?.strategy.method) ?? null;
    this.metrics?.recordResolution(resolvedBy);
    return {
      context: {
        tenant,
        resolvedBy,
        principal: principal ?? null,
        requestId: input.requestId,
      },
      unresolvedTenant: naming.length > 0 && tenant === null,
      hostname: input.hostname,
    };
  }

  /**
   * Every strategy's reference and the tenant each names. This runs on every request: strategies and lookups
   * that answer at once are not awaited, and no promise is made per strategy (see awaitPromisesAmong). A
   * strategy that throws synchronously (a malformed host or header) counts as a rejected promise among the
   * others, so the credential strategies' promises already made are still awaited with it: a rejected one (a
   * bad API key) left alone would go unhandled, which ends a Node process.
   */
  private findAll(input: ResolutionInput): Awaitable<Found[]> {
    const answers = this.strategies.map((strategy) => findOrReject(strategy, input));
    return thenOrNow(awaitPromisesAmong(answers), (references) => {
      const named: { strategy: TenantResolutionStrategy; reference: TenantReference }[] = [];
      const lookups: Awaitable<TenantSnapshot | null | undefined>[] = [];
      for (let index = 0; index < references.length; index += 1) {
        const reference = references[index];
        const strategy = this.strategies[index];
        if (reference == null || strategy === undefined) continue;
        named.push({ strategy, reference });
        lookups.push(reference.tenant === null ? undefined : this.lookup.findNow(reference.tenant));
      }
      return thenOrNow(awaitPromisesAmong(lookups), (tenants) =>
        named.map(({ strategy, reference }, index) => ({ strategy, reference, tenant: tenants[index] })),
      );
    });
  }

  private async recordMismatch(input: ResolutionInput, found: readonly Found[]): Promise<void> {
    const principal = found.find((entry) => entry.reference.principal !== undefined)?.reference.principal;
    const eventTenantId = principalTenantId(principal) ?? null;
    await this.audit
      .record({
        action: TenancyAuditAction.TenantMismatch,
        outcome: 'denied',
        tenantId: eventTenantId,
        actor: principal === undefined ? { type: 'anonymous' } : auditActorOf(principal),
        ip: input.ip,
        requestId: input.requestId,
        metadata: {
          references: found.map((entry) => referenceForAudit(entry, eventTenantId)),
        },
      })
      .catch(() => undefined);
  }
}

function findOrReject(
  strategy: TenantResolutionStrategy,
  input: ResolutionInput,
): Awaitable<TenantReference | null> {
  try {
    return strategy.find(input);
  } catch (error) {
    return Promise.reject(error);
  }
}

function principalTenantId(principal: Principal | undefined): string | undefined {
  return principal === undefined || principal.kind === 'platform-user' ? undefined : principal.tenantId;
}

/**
 * What a mismatch event may say about one reference. The event of a credential's tenant is read by that
 * tenant's admins, so another tenant appears there only as the request itself spelled it (the slug, host
 * or id sent in a header): neither its resolved id nor what another tenant's credential names (its id)
 * may reach them. A platform-scoped event (no credential tenant) is read by super-admins only and keeps all.
 */
function referenceForAudit(entry: Found, eventTenantId: string | null): Record<string, unknown> {
  const { method, tenant: named } = entry.reference;
  if (entry.tenant === undefined) return { method, named };
  if (entry.tenant === null || eventTenantId === null || entry.tenant.id === eventTenantId) {
    return { method, named, tenantId: entry.tenant?.id ?? null };
  }
  return entry.strategy.isCredential ? { method, otherTenant: true } : { method, named, otherTenant: true };
}
