import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { TenantContextService } from '@tenantpay/tenancy';
import { PlatformPaymentsRepository } from './payment/platform-payments.repository';
import { PaymentCountsService } from './payment/payment-counts.service';
import { PAYMENT_MODEL, PaymentSchema } from './payment/payment.schema';

/**
 * Payment counts on their own, for modules that must not pull in PaymentsModule (usage's month close: payments
 * already depend on usage's quota and storage metering). Needs DataIsolationModule (global) for the audit trail.
 */
@Module({
  imports: [MongooseModule.forFeature([{ name: PAYMENT_MODEL, schema: PaymentSchema }])],
  // Stateless (its storage is per process), as in PaymentsModule.
  providers: [TenantContextService, PlatformPaymentsRepository, PaymentCountsService],
  exports: [PaymentCountsService],
})
export class PaymentCountsModule {}
