import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { TenantContextService } from '@tenantpay/tenancy';
import { AuditEventRepository } from './audit-event.repository';
import { AUDIT_EVENT_MODEL, AuditEventSchema } from './audit-event.schema';
import { AuditService } from './audit.service';

/**
 * The audit trail. Needs the MongoDB connection (PlatformCoreModule). TenantContextService is stateless
 * (its AsyncLocalStorage is module-wide), so providing it here reads the same context as everywhere else.
 */
@Module({
  imports: [MongooseModule.forFeature([{ name: AUDIT_EVENT_MODEL, schema: AuditEventSchema }])],
  providers: [TenantContextService, AuditEventRepository, AuditService],
  exports: [AuditService],
})
export class AuditModule {}
