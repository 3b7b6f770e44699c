import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse } from '@nestjs/swagger';
import { ApiKeyScope, TenantUserRole } from '@tenantpay/identity';
import { ErrorCode } from '@tenantpay/platform';
import { Roles, Scopes } from '@tenantpay/tenancy';
import { type PublishedWebhookEvent, WebhookEventReplayService } from '@tenantpay/webhooks';
import { DocumentedErrors } from '../openapi/documented-errors.decorator';
import { ReplayWebhookEventDto } from './dto/replay-webhook-event.dto';
import { PublishedWebhookEventResponse } from './responses/published-webhook-event.response';

/** Replays of stored webhook events, by the tenant's admins or API keys with `webhooks:manage`. */
@Controller('webhook-events')
@Roles(TenantUserRole.Admin)
@Scopes(ApiKeyScope.WebhooksManage)
export class WebhookEventsController {
  constructor(private readonly replays: WebhookEventReplayService) {}

  /** Deliver a webhook event again. */
  @DocumentedErrors(ErrorCode.Conflict)
  @ApiAcceptedResponse({ type: PublishedWebhookEventResponse })
  @Post(':eventId/replay')
  @HttpCode(202)
  replay(
    @Param('eventId') eventId: string,
    @Body() body: ReplayWebhookEventDto,
  ): Promise<PublishedWebhookEvent> {
    return this.replays.replay(eventId, body.endpointId);
  }
}
