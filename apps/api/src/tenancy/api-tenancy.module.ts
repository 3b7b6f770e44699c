import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { AuditModule, AuditService } from '@tenantpay/audit';
import { ApiKeyStrategy, JwtClaimStrategy, SupportTokenStrategy } from '@tenantpay/identity';
import { HEALTH_ROUTES, PORTAL_ROUTES } from '@tenantpay/platform';
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

/**
 * Tenant resolution for every API route (SPEC §2 step 2): the strategies the API trusts and the middleware
 * that runs each request in its tenant context. The guards that judge the result run in ApiGuardsModule.
 */
@Module({
  imports: [TenancyModule.forRoot({ imports: [AuditModule], auditSink: AuditService })],
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
  ],
})
export class ApiTenancyModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(TenantMiddleware)
      // The portal's files are the same for every tenant (the page asks /v1/branding for its brand), so
      // serving them needs no tenant lookup.
      .exclude(...HEALTH_ROUTES, ...PORTAL_ROUTES)
      .forRoutes('{*path}');
  }
}
