import { Inject, Injectable } from '@nestjs/common';
import { type AppConfig, APP_CONFIG } from '@tenantpay/platform';
import { ResolutionMethod } from '../context/resolution-method.enum';
import { parseTenantHost } from './tenant-host';
import type { TenantReference } from './tenant-reference';
import type { ResolutionInput, TenantResolutionStrategy } from './tenant-resolution-strategy';

/** `{slug}.{BASE_DOMAIN}`: the tenant's white-label subdomain (rules in parseTenantHost). */
@Injectable()
export class SubdomainStrategy implements TenantResolutionStrategy {
  readonly method = ResolutionMethod.Subdomain;
  readonly priority = 40;
  readonly isCredential = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  find(input: ResolutionInput): TenantReference | null {
    const host = parseTenantHost(input.hostname, this.config.tenancy.baseDomain);
    return host.kind === 'subdomain'
      ? { method: this.method, tenant: { by: 'slug', value: host.slug } }
      : null;
  }
}
