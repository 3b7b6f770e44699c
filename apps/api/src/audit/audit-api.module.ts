import { Module } from '@nestjs/common';
import { AuditModule } from '@tenantpay/audit';
import { AdminAuditEventsController } from './admin-audit-events.controller';
import { AuditEventsController } from './audit-events.controller';

/** Audit search: tenant admins read their own tenant's trail, super-admins everyone's. */
@Module({
  imports: [AuditModule],
  controllers: [AuditEventsController, AdminAuditEventsController],
})
export class AuditApiModule {}
