import { Module } from '@nestjs/common';
import { IdentityModule } from '@tenantpay/identity';
import { AdminSupportSessionsController } from './admin-support-sessions.controller';
import { SupportSessionsController } from './support-sessions.controller';

/** Support access: opened by platform operators, seen and ended by the tenant's admins. */
@Module({
  imports: [IdentityModule],
  controllers: [AdminSupportSessionsController, SupportSessionsController],
})
export class SupportSessionsModule {}
