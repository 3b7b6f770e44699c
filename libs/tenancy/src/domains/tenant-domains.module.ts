import { Module } from '@nestjs/common';
import { DNS_TXT_RESOLVER } from './dns-txt-resolver';
import { SystemDnsTxtResolver } from './system-dns-txt-resolver';
import { TenantDomainsService } from './tenant-domains.service';

/**
 * Tenant-managed custom domains. Needs the global TenancyModule; DNS_TXT_RESOLVER can be overridden
 * (tests answer TXT lookups from memory).
 */
@Module({
  providers: [TenantDomainsService, { provide: DNS_TXT_RESOLVER, useClass: SystemDnsTxtResolver }],
  exports: [TenantDomainsService],
})
export class TenantDomainsModule {}
