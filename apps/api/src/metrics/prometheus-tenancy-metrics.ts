import { Inject, Injectable } from '@nestjs/common';
import { METRICS_REGISTRY, registeredCounter } from '@tenantpay/platform';
import {
  type ResolutionMethod,
  TenancyMetrics,
  type TenantCacheLevel,
  type TenantCacheResult,
} from '@tenantpay/tenancy';
import type { Counter, Registry } from 'prom-client';

/** Label of requests that named no tenant and carried no credential (public routes, probes). */
const NO_TENANT = 'none';

/** Tenant resolution and tenant cache outcomes; the hit ratio is hits / (hits + misses) per level. */
@Injectable()
export class PrometheusTenancyMetrics extends TenancyMetrics {
  private readonly resolutions: Counter<'method'>;
  private readonly cacheLookups: Counter<'level' | 'result'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    super();
    this.resolutions = registeredCounter(registry, {
      name: 'tenant_resolutions_total',
      help: 'Requests by how their tenant was resolved (jwt, api_key, header, subdomain, custom_domain, none)',
      labelNames: ['method'],
    });
    this.cacheLookups = registeredCounter(registry, {
      name: 'tenant_cache_lookups_total',
      help: 'Tenant cache lookups by level (local, redis) and result (hit, miss, unavailable)',
      labelNames: ['level', 'result'],
    });
  }

  recordResolution(method: ResolutionMethod | null): void {
    this.resolutions.inc({ method: method ?? NO_TENANT });
  }

  recordCacheLookup(level: TenantCacheLevel, result: TenantCacheResult): void {
    this.cacheLookups.inc({ level, result });
  }
}
