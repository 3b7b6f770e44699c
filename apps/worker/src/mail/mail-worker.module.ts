import { Module } from '@nestjs/common';
import { MailModule } from '@tenantpay/mail';
import { MailDeliveryProcessor } from './mail-delivery.processor';
import { MailMaintenanceProcessor } from './mail-maintenance.processor';

/** The worker's side of email: SMTP delivery of outbox rows and the sweep of rows left pending. */
@Module({ imports: [MailModule], providers: [MailDeliveryProcessor, MailMaintenanceProcessor] })
export class MailWorkerModule {}
