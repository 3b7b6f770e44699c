import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { TenantUserRole } from '@tenantpay/identity';
import { ErrorCode } from '@tenantpay/platform';
import { Roles } from '@tenantpay/tenancy';
import { type PublishedWebhookEvent, WebhookEventReplayService } from '@tenantpay/webhooks';
import { DocumentedErrors } from '../openapi/documented-errors.decorator';
import { ReplayWebhookEventDto } from './dto/replay-webhook-event.dto';

/** Replays of stored webhook events, by the tenant's admins. */
@Controller('webhook-events')
@Roles(TenantUserRole.Admin)
export class WebhookEventsController {
  constructor(private readonly replays: WebhookEventReplayService) {}

  /** Deliver a webhook event again. */
  @DocumentedErrors(ErrorCode.Conflict)
  @Post(':eventId/replay')
  @HttpCode(202)
  replay(
    @Param('eventId') eventId: string,
    @Body() body: ReplayWebhookEventDto,
  ): Promise<PublishedWebhookEvent> {
    return this.replays.replay(eventId, body.endpointId);
  }
}
