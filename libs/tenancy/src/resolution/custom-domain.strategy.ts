import { Inject, Injectable } from '@nestjs/common';
import { type AppConfig, APP_CONFIG } from '@tenantpay/platform';
import { ResolutionMethod } from '../context/resolution-method.enum';
import { parseTenantHost } from './tenant-host';
import type { TenantReference } from './tenant-reference';
import type { ResolutionInput, TenantResolutionStrategy } from './tenant-resolution-strategy';

/**
 * A host outside the base domain names the tenant that verified it, if any (the lookup matches verified
 * domains only). Hosts under the base domain are never custom domains, so no tenant can claim a
 * platform host by registering it as its "custom domain".
 */
@Injectable()
export class CustomDomainStrategy implements TenantResolutionStrategy {
  readonly method = ResolutionMethod.CustomDomain;
  readonly priority = 50;
  readonly isCredential = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  find(input: ResolutionInput): TenantReference | null {
    const host = parseTenantHost(input.hostname, this.config.tenancy.baseDomain);
    return host.kind === 'custom-domain'
      ? { method: this.method, tenant: { by: 'domain', value: host.hostname } }
      : null;
  }
}
