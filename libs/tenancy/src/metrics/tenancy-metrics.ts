import type { ResolutionMethod } from '../context/resolution-method.enum';

/** The two cache levels in front of MongoDB (see TenantLookupService). */
export type TenantCacheLevel = 'local' | 'redis';
/** `unavailable`: the level could not answer (Redis down); the lookup went on to the next one. */
export type TenantCacheResult = 'hit' | 'miss' | 'unavailable';

/**
 * Where resolution and the tenant cache report what they do. Optional: without a binding nothing is
 * recorded; the application binds a Prometheus implementation (apps/api/src/metrics).
 */
export abstract class TenancyMetrics {
  /** `null`: the request named no tenant and carried no credential. */
  abstract recordResolution(method: ResolutionMethod | null): void;
  abstract recordCacheLookup(level: TenantCacheLevel, result: TenantCacheResult): void;
}
