import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { ApiKeyScope } from '@tenantpay/identity';
import {
  type GatewayEventView,
  PaymentGatewayEventsService,
  paymentEventIdPrefix,
  PaymentsService,
} from '@tenantpay/payments';
import { Feature, RequireFeature, Roles, Scopes } from '@tenantpay/tenancy';
import { type WebhookEventHistoryItem, WebhookEventHistoryService } from '@tenantpay/webhooks';
import { PAYMENT_READER_ROLES } from './payment-roles.constant';
import { PaymentEventsResponse } from './responses/payment-events.response';

/**
 * A payment's events, for staff tracing what happened to it: the gateway's webhooks that moved it and the
 * webhook events the tenant's endpoints were sent (with their deliveries), from the payments and webhooks
 * libraries. Read by the same roles and scope as the payment itself.
 */
@Controller('payments/:id/events')
@RequireFeature(Feature.BasicPayments)
export class PaymentEventsController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly gatewayEvents: PaymentGatewayEventsService,
    private readonly webhookEvents: WebhookEventHistoryService,
  ) {}

  /** List a payment's gateway and webhook events. */
  @ApiOkResponse({ type: PaymentEventsResponse })
  @Get()
  @Roles(...PAYMENT_READER_ROLES)
  @Scopes(ApiKeyScope.PaymentsRead)
  async list(
    @Param('id') id: string,
  ): Promise<{ gateway: GatewayEventView[]; webhooks: WebhookEventHistoryItem[] }> {
    // 404 `not_found` for an id this tenant does not have, rather than an empty history.
    const payment = await this.payments.get(id);
    const [gateway, webhooks] = await Promise.all([
      this.gatewayEvents.listOfPayment(payment.id),
      this.webhookEvents.listBySourcePrefix(paymentEventIdPrefix(payment.id)),
    ]);
    return { gateway, webhooks };
  }
}
