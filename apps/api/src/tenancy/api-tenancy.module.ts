import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AuditModule, AuditService } from '@tenantpay/audit';
import { ApiKeyStrategy, JwtClaimStrategy } from '@tenantpay/identity';
import { HEALTH_ROUTES, PORTAL_ROUTES } from '@tenantpay/platform';
import {
  AuthenticationGuard,
  BypassTenantIsolationInterceptor,
  CustomDomainStrategy,
  FeatureGuard,
  RolesGuard,
  ScopesGuard,
  SubdomainStrategy,
  TENANT_RESOLUTION_STRATEGIES,
  TenancyModule,
  TenantGuard,
  TenantHeaderStrategy,
  TenantMiddleware,
  type TenantResolutionStrategy,
  TenantResolverService,
} from '@tenantpay/tenancy';

/**
 * Tenant resolution and access control for every API route (SPEC §2 steps 2–4): the strategies the API
 * trusts, the middleware that runs each request in its tenant context, and the global guards in the order
 * they must run (authentication, tenant, roles, scopes, tier features).
 */
@Module({
  imports: [TenancyModule.forRoot({ imports: [AuditModule], auditSink: AuditService })],
  providers: [
    {
      // SPEC §4 priority: the signed JWT claim, then the API key, then the header, subdomain, custom domain.
      provide: TENANT_RESOLUTION_STRATEGIES,
      inject: [
        JwtClaimStrategy,
        ApiKeyStrategy,
        TenantHeaderStrategy,
        SubdomainStrategy,
        CustomDomainStrategy,
      ],
      useFactory: (...strategies: TenantResolutionStrategy[]) => strategies,
    },
    TenantResolverService,
    TenantMiddleware,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    { provide: APP_GUARD, useClass: TenantGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
    { provide: APP_GUARD, useClass: ScopesGuard },
    { provide: APP_GUARD, useClass: FeatureGuard },
    { provide: APP_INTERCEPTOR, useClass: BypassTenantIsolationInterceptor },
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
