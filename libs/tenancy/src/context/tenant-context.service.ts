import { Injectable } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { TenantSnapshot } from '../tenants/tenant-snapshot';
import { ForgedPlatformScopeException } from './forged-platform-scope.exception';
import { issuePlatformScope, PlatformScope } from './platform-scope';
import type { TenantContext } from './tenant-context';
import { TenantContextMissingException } from './tenant-context-missing.exception';

/**
 * What the storage holds: the context and, apart from it, the platform scope. Both are objects this file
 * builds (Frame, OwnContext) with only own properties and no Object.prototype in their prototype chain, so a
 * polluted `Object.prototype` (a `tenant` or `platformScope` key added to it) is never read through them.
 */
interface ContextFrame {
  readonly context: TenantContext;
  readonly platformScope: PlatformScope | null;
}

/**
 * The tenant of the current request or job, carried by AsyncLocalStorage so that it follows every await,
 * timer, stream and promise without being passed by hand (and so can't be passed wrongly).
 *
 * The storage is module-private and shared by every instance of the service: there is exactly one
 * source of truth per process, and no code outside this file can write to it except through `run` and
 * `runAsPlatform`.
 */
const storage = new AsyncLocalStorage<ContextFrame>();

@Injectable()
export class TenantContextService {
  /**
   * Runs `work` with `context` as the current context; nested runs shadow and then restore it. The context is
   * copied field by field from its own properties; one claiming a platform scope is refused (only
   * `runAsPlatform` opens it), and the work never inherits an outer platform scope.
   */
  run<T>(context: TenantContext, work: () => T): T {
    if (Object.hasOwn(context, 'platformScope')) throw new ForgedPlatformScopeException();
    return storage.run(frame(ownCopy(context), null), work);
  }

  /**
   * Runs cross-tenant work (super-admin reads, maintenance jobs) in the explicit platform scope: a
   * PlatformScope instance, which nothing else can create or imitate. The tenant-isolation layer refuses
   * tenant-owned queries outside a tenant unless this scope is active. Callers audit the use.
   */
  runAsPlatform<T>(reason: string, work: () => T): T {
    if (reason.trim().length === 0) throw new Error('runAsPlatform needs a reason for the audit trail');
    const current = storage.getStore()?.context;
    const context = ownCopy({
      tenant: null,
      resolvedBy: null,
      principal: current?.principal ?? null,
      requestId: current?.requestId ?? '',
    });
    return storage.run(frame(context, issuePlatformScope(reason)), work);
  }

  /** The current context, or undefined outside any. */
  current(): TenantContext | undefined {
    return storage.getStore()?.context;
  }

  /** Whether the current work belongs to a tenant. */
  hasContext(): boolean {
    return storage.getStore()?.context.tenant != null;
  }

  getTenant(): TenantSnapshot {
    const tenant = storage.getStore()?.context.tenant;
    if (tenant == null) throw new TenantContextMissingException('getTenant()');
    return tenant;
  }

  getTenantId(): string {
    return this.getTenant().id;
  }

  /** The platform scope (with its reason) when the current work runs in it, else undefined. */
  platformScope(): PlatformScope | undefined {
    const scope = storage.getStore()?.platformScope;
    return PlatformScope.isGenuine(scope) ? scope : undefined;
  }
}

/**
 * Frames and context copies are instances of these two classes, whose prototypes have no prototype: a polluted
 * `Object.prototype` is never read through them, as with `Object.create(null)`, but they keep a fixed shape
 * (an object made by `Object.create(null)` is a dictionary in V8, slower to build and to read, and every
 * request builds two and reads them many times).
 */
class Frame implements ContextFrame {
  constructor(
    readonly context: TenantContext,
    readonly platformScope: PlatformScope | null,
  ) {
    Object.freeze(this);
  }
}
Object.setPrototypeOf(Frame.prototype, null);

/** A frozen copy holding only the context's own fields (a missing one reads as empty). */
class OwnContext implements TenantContext {
  readonly tenant: TenantContext['tenant'];
  readonly resolvedBy: TenantContext['resolvedBy'];
  readonly principal: TenantContext['principal'];
  readonly requestId: string;

  constructor(context: TenantContext) {
    this.tenant = (Object.hasOwn(context, 'tenant') ? context.tenant : undefined) ?? null;
    this.resolvedBy = (Object.hasOwn(context, 'resolvedBy') ? context.resolvedBy : undefined) ?? null;
    this.principal = (Object.hasOwn(context, 'principal') ? context.principal : undefined) ?? null;
    this.requestId = (Object.hasOwn(context, 'requestId') ? context.requestId : undefined) ?? '';
    Object.freeze(this);
  }
}
Object.setPrototypeOf(OwnContext.prototype, null);

function frame(context: TenantContext, platformScope: PlatformScope | null): ContextFrame {
  return new Frame(context, platformScope);
}

function ownCopy(context: TenantContext): TenantContext {
  return new OwnContext(context);
}
