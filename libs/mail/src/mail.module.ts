import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditModule } from '@tenantpay/audit';
import { PlatformQueueModule } from '@tenantpay/platform';
import { TenantContextService } from '@tenantpay/tenancy';
import { TenantLinkBuilder } from './compose/tenant-link-builder.service';
import { MailDeliveryService } from './delivery/mail-delivery.service';
import { MailOutboxSweeper } from './delivery/mail-outbox-sweeper.service';
import { SmtpMailTransport } from './delivery/smtp-mail-transport.service';
import { MAIL_DELIVERY_QUEUE } from './mail.constant';
import { MAIL_OUTBOX_ENTRY_MODEL, MailOutboxEntrySchema } from './outbox/mail-outbox-entry.schema';
import { MailOutboxPlatformRepository } from './outbox/mail-outbox-platform.repository';
import { MailOutboxRepository } from './outbox/mail-outbox.repository';
import { MailOutboxService } from './outbox/mail-outbox.service';
import {
  PLATFORM_MAIL_OUTBOX_ENTRY_MODEL,
  PlatformMailOutboxEntrySchema,
} from './outbox/platform-mail-outbox-entry.schema';
import { PlatformMailOutboxRepository } from './outbox/platform-mail-outbox.repository';

/**
 * Email as a component: the outbox features write to (API), the SMTP delivery and the sweep (worker). Needs
 * PlatformCoreModule, DataIsolationModule, TenancyModule and TenantJobsModule, which the applications provide.
 */
@Module({
  imports: [
    AuditModule,
    MongooseModule.forFeature([
      { name: MAIL_OUTBOX_ENTRY_MODEL, schema: MailOutboxEntrySchema },
      { name: PLATFORM_MAIL_OUTBOX_ENTRY_MODEL, schema: PlatformMailOutboxEntrySchema },
    ]),
    PlatformQueueModule,
    BullModule.registerQueue({ name: MAIL_DELIVERY_QUEUE }),
  ],
  providers: [
    // Stateless (its storage is module-wide), so a local instance reads the same context as everywhere.
    TenantContextService,
    TenantLinkBuilder,
    MailOutboxRepository,
    MailOutboxPlatformRepository,
    PlatformMailOutboxRepository,
    MailOutboxService,
    SmtpMailTransport,
    MailDeliveryService,
    MailOutboxSweeper,
  ],
  exports: [TenantLinkBuilder, MailOutboxService, MailDeliveryService, MailOutboxSweeper],
})
export class MailModule {}
