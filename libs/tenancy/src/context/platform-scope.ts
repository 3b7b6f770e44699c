/**
 * The explicit, audited scope in which work may cross tenants. Its reason is a private field, so the brand
 * check `PlatformScope.isGenuine` (`#reason in value`) is passed only by instances of this class: not by a
 * polluted `Object.prototype.platformScope`, a parsed request body, or any object literal built by hand.
 * Instances are issued only through `issuePlatformScope`, which the library does not export: the one caller
 * is `TenantContextService.runAsPlatform`.
 */
const ISSUER = Symbol('PlatformScope issuer');

export class PlatformScope {
  readonly #reason: string;

  constructor(issuer: symbol, reason: string) {
    if (issuer !== ISSUER) {
      throw new Error('A PlatformScope is created only by TenantContextService.runAsPlatform');
    }
    this.#reason = reason;
    Object.freeze(this);
  }

  get reason(): string {
    return this.#reason;
  }

  static isGenuine(value: unknown): value is PlatformScope {
    return typeof value === 'object' && value !== null && #reason in value;
  }
}

export function issuePlatformScope(reason: string): PlatformScope {
  return new PlatformScope(ISSUER, reason);
}
