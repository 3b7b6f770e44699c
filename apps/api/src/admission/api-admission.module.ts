import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { AdmissionModule, HEALTH_ROUTES, PORTAL_ROUTES } from '@tenantpay/platform';
import { TenantAdmissionMiddleware } from './tenant-admission.middleware';
import { TENANT_IDENTITY_HEADERS } from './tenant-identity-headers.constant';

/**
 * Admission control of the API. The gate sits on the HTTP server (createApiApplication attaches it); the
 * tenant bound is this module's middleware, which must run after the tenant middleware: ApiModule imports
 * this module right after ApiTenancyModule, and Nest applies middleware in that order.
 */
@Module({
  imports: [AdmissionModule.forRoot(TENANT_IDENTITY_HEADERS)],
  providers: [TenantAdmissionMiddleware],
})
export class ApiAdmissionModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(TenantAdmissionMiddleware)
      .exclude(...HEALTH_ROUTES, ...PORTAL_ROUTES)
      .forRoutes('{*path}');
  }
}
