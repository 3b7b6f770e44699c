import { Injectable } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { TenantSnapshot } from '../tenants/tenant-snapshot';
import type { PlatformScope, TenantContext } from './tenant-context';
import { TenantContextMissingException } from './tenant-context-missing.exception';

/**
 * The tenant of the current request or job, carried by AsyncLocalStorage so that it follows every await,
 * timer, stream and promise without being passed by hand (and so can't be passed wrongly).
 *
 * The storage is module-private and shared by every instance of the service: there is exactly one
 * source of truth per process, and no code outside this file can write to it except through `run`.
 */
const storage = new AsyncLocalStorage<TenantContext>();

@Injectable()
export class TenantContextService {
  /** Runs `work` with `context` as the current context; nested runs shadow and then restore it. */
  run<T>(context: TenantContext, work: () => T): T {
    return storage.run(Object.freeze({ ...context }), work);
  }

  /**
   * Runs cross-tenant work (super-admin reads, maintenance jobs) in the explicit platform scope. The scope
   * is a flag inside the store, so it cannot be forged by anything a client sends; the tenant-isolation
   * layer refuses tenant-owned queries outside a tenant unless this scope is active. Callers audit the use.
   */
  runAsPlatform<T>(reason: string, work: () => T): T {
    if (reason.trim().length === 0) throw new Error('runAsPlatform needs a reason for the audit trail');
    const current = storage.getStore();
    const platformScope: PlatformScope = Object.freeze({ reason });
    return storage.run(
      Object.freeze({
        tenant: null,
        resolvedBy: null,
        principal: current?.principal ?? null,
        requestId: current?.requestId ?? '',
        platformScope,
      }),
      work,
    );
  }

  /** The current context, or undefined outside any. */
  current(): TenantContext | undefined {
    return storage.getStore();
  }

  /** Whether the current work belongs to a tenant. */
  hasContext(): boolean {
    return storage.getStore()?.tenant != null;
  }

  getTenant(): TenantSnapshot {
    const tenant = storage.getStore()?.tenant;
    if (tenant == null) throw new TenantContextMissingException('getTenant()');
    return tenant;
  }

  getTenantId(): string {
    return this.getTenant().id;
  }

  /** The platform scope's reason when the current work runs in it, else undefined. */
  platformScope(): PlatformScope | undefined {
    return storage.getStore()?.platformScope;
  }
}
