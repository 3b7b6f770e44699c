import { ErrorCode } from '@tenantpay/platform';
import { Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { GatewayWebhooksService } from '@tenantpay/payments';
import { Public } from '@tenantpay/tenancy';
import { DocumentedErrors } from '../openapi/documented-errors.decorator';
import { ApiOkResponse } from '@nestjs/swagger';
import { GatewayWebhookReceivedResponse } from './responses/gateway-webhook-received.response';

/**
 * Inbound webhooks of the payment gateway. Public (the gateway has no tenant credential): authenticity comes
 * from the HMAC over the raw body, which the platform's JSON body parser keeps on `request.rawBody`.
 */
@Controller('webhooks/gateway')
export class GatewayWebhooksController {
  constructor(private readonly webhooks: GatewayWebhooksService) {}

  /** Receive a payment gateway webhook (signed with Gateway-Signature). */
  @Public()
  @DocumentedErrors(ErrorCode.Unauthorized, ErrorCode.ValidationError)
  @ApiOkResponse({ type: GatewayWebhookReceivedResponse })
  @Post()
  @HttpCode(200)
  receive(
    @Req() request: { rawBody?: Buffer },
    @Headers('gateway-signature') signature: string | undefined,
  ): Promise<{ received: true; result: string }> {
    return this.webhooks.receive(request.rawBody, signature);
  }
}
