import { Module } from '@nestjs/common';
import { AdmissionModule } from '@tenantpay/platform';
import { TenantAdmissionMiddleware } from './tenant-admission.middleware';
import { TENANT_IDENTITY_HEADERS } from './tenant-identity-headers.constant';

/**
 * Admission control of the API. The gate sits on the HTTP server (createApiApplication attaches it); the
 * tenant bound is this module's middleware, which TenantRequestHook runs right after the tenant middleware.
 */
@Module({
  imports: [AdmissionModule.forRoot(TENANT_IDENTITY_HEADERS)],
  providers: [TenantAdmissionMiddleware],
  exports: [TenantAdmissionMiddleware],
})
export class ApiAdmissionModule {}
