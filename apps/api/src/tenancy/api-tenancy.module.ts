import { Module } from '@nestjs/common';
import { AuditModule, AuditService } from '@tenantpay/audit';
import { ApiKeyStrategy, JwtClaimStrategy, SupportTokenStrategy } from '@tenantpay/identity';
import {
  CustomDomainStrategy,
  SubdomainStrategy,
  TENANT_RESOLUTION_STRATEGIES,
  TenancyModule,
  TenantHeaderStrategy,
  TenantMiddleware,
  type TenantResolutionStrategy,
  TenantResolverService,
} from '@tenantpay/tenancy';
import { ApiAdmissionModule } from '../admission/api-admission.module';
import { TenantRequestHook } from './tenant-request-hook';

/**
 * Tenant resolution for every API route (SPEC §2 step 2): the strategies the API trusts and the request hook
 * that runs each request in its tenant context (TenantRequestHook), then charges it to its tenant
 * (ApiAdmissionModule). The guards that judge the result run in ApiGuardsModule.
 */
@Module({
  imports: [TenancyModule.forRoot({ imports: [AuditModule], auditSink: AuditService }), ApiAdmissionModule],
  providers: [
    {
      // SPEC §4 priority: the signed JWT claim, then the API key, then the header, subdomain, custom domain.
      provide: TENANT_RESOLUTION_STRATEGIES,
      inject: [
        JwtClaimStrategy,
        SupportTokenStrategy,
        ApiKeyStrategy,
        TenantHeaderStrategy,
        SubdomainStrategy,
        CustomDomainStrategy,
      ],
      useFactory: (...strategies: TenantResolutionStrategy[]) => strategies,
    },
    TenantResolverService,
    TenantMiddleware,
    TenantRequestHook,
  ],
})
export class ApiTenancyModule {}
