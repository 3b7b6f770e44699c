import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { ApiKeyScope, TenantUserRole } from '@tenantpay/identity';
import { ErrorCode, type ListEnvelope, listEnvelope } from '@tenantpay/platform';
import { Roles, Scopes } from '@tenantpay/tenancy';
import {
  WebhookDeliveryLogService,
  type WebhookDeliveryView,
  type WebhookEndpointView,
  type WebhookEndpointWithSecret,
  WebhookEndpointsService,
} from '@tenantpay/webhooks';
import { DocumentedErrors } from '../openapi/documented-errors.decorator';
import { ListResponse } from '../openapi/list-response.decorator';
import { CreateWebhookEndpointDto } from './dto/create-webhook-endpoint.dto';
import { ListWebhookDeliveriesQueryDto } from './dto/list-webhook-deliveries.query.dto';
import { RotateWebhookSecretDto } from './dto/rotate-webhook-secret.dto';
import { UpdateWebhookEndpointDto } from './dto/update-webhook-endpoint.dto';
import { WebhookDeliveryResponse } from './responses/webhook-delivery.response';
import { WebhookEndpointResponse } from './responses/webhook-endpoint.response';
import { WebhookEndpointWithSecretResponse } from './responses/webhook-endpoint-with-secret.response';

/**
 * The tenant's webhook endpoints, managed by its admins or by API keys with `webhooks:manage` (an integration
 * registers its own receiver). A secret is in the create/rotate answer only.
 */
@Controller('webhook-endpoints')
@Roles(TenantUserRole.Admin)
@Scopes(ApiKeyScope.WebhooksManage)
export class WebhookEndpointsController {
  constructor(
    private readonly endpoints: WebhookEndpointsService,
    private readonly deliveryLog: WebhookDeliveryLogService,
  ) {}

  /** Create a webhook endpoint (its signing secret is shown once). */
  @DocumentedErrors(ErrorCode.Conflict, ErrorCode.WebhooksNotConfigured)
  @ApiCreatedResponse({ type: WebhookEndpointWithSecretResponse })
  @Post()
  create(@Body() body: CreateWebhookEndpointDto): Promise<WebhookEndpointWithSecret> {
    return this.endpoints.create(body);
  }

  /** List webhook endpoints. */
  @ListResponse(WebhookEndpointResponse)
  @Get()
  /** At most WEBHOOK_ENDPOINTS_PER_TENANT_MAX endpoints: one page holds them all. */
  async list(): Promise<ListEnvelope<WebhookEndpointView>> {
    return listEnvelope(await this.endpoints.list(), false);
  }

  /** Get a webhook endpoint. */
  @ApiOkResponse({ type: WebhookEndpointResponse })
  @Get(':id')
  get(@Param('id') id: string): Promise<WebhookEndpointView> {
    return this.endpoints.get(id);
  }

  /** Update a webhook endpoint. */
  @ApiOkResponse({ type: WebhookEndpointResponse })
  @Patch(':id')
  update(@Param('id') id: string, @Body() body: UpdateWebhookEndpointDto): Promise<WebhookEndpointView> {
    return this.endpoints.update(id, body);
  }

  /** Delete a webhook endpoint. */
  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id') id: string): Promise<void> {
    return this.endpoints.remove(id);
  }

  /** Rotate a webhook endpoint's signing secret. */
  @DocumentedErrors(ErrorCode.WebhooksNotConfigured)
  @ApiOkResponse({ type: WebhookEndpointWithSecretResponse })
  @Post(':id/rotate-secret')
  @HttpCode(200)
  rotateSecret(
    @Param('id') id: string,
    @Body() body: RotateWebhookSecretDto,
  ): Promise<WebhookEndpointWithSecret> {
    return this.endpoints.rotateSecret(id, body.previousSecretValidForSeconds);
  }

  /** A webhook endpoint's delivery log. */
  @ListResponse(WebhookDeliveryResponse)
  @Get(':id/deliveries')
  deliveries(
    @Param('id') id: string,
    @Query() query: ListWebhookDeliveriesQueryDto,
  ): Promise<ListEnvelope<WebhookDeliveryView>> {
    return this.deliveryLog.list(id, {
      limit: query.limit,
      ...(query.starting_after === undefined ? {} : { startingAfter: query.starting_after }),
      ...(query.status === undefined ? {} : { status: query.status }),
    });
  }
}
