import { Body, Controller, Get, HttpCode, Ip, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { type ApiKeyView, ApiKeysService, type CreatedApiKey, TenantUserRole } from '@tenantpay/identity';
import { ErrorCode, type ListEnvelope } from '@tenantpay/platform';
import { Feature, RequireFeature, Roles } from '@tenantpay/tenancy';
import { CursorPageQueryDto } from '../pagination/cursor-page.query.dto';
import { DocumentedErrors } from '../openapi/documented-errors.decorator';
import { ListResponse } from '../openapi/list-response.decorator';
import { CreateApiKeyDto } from './dto/create-api-key.dto';
import { RotateApiKeyDto } from './dto/rotate-api-key.dto';
import { ApiKeyResponse } from './responses/api-key.response';
import { CreatedApiKeyResponse } from './responses/created-api-key.response';

/** The tenant's API keys (ENTERPRISE), managed by its admins. A key's secret is in the create/rotate answer only. */
@Controller('api-keys')
@RequireFeature(Feature.ApiKeys)
@Roles(TenantUserRole.Admin)
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  /** Create an API key (its secret is shown once). */
  @ApiCreatedResponse({ type: CreatedApiKeyResponse })
  @Post()
  create(@Body() body: CreateApiKeyDto, @Ip() ip: string): Promise<CreatedApiKey> {
    return this.apiKeys.create(body, ip);
  }

  /** List the tenant's API keys. */
  @ListResponse(ApiKeyResponse)
  @Get()
  list(@Query() query: CursorPageQueryDto): Promise<ListEnvelope<ApiKeyView>> {
    return this.apiKeys.list(query.limit, query.starting_after);
  }

  /** Get an API key. */
  @ApiOkResponse({ type: ApiKeyResponse })
  @Get(':id')
  get(@Param('id') id: string): Promise<ApiKeyView> {
    return this.apiKeys.get(id);
  }

  /** Revoke an API key. */
  @DocumentedErrors(ErrorCode.Conflict)
  @ApiOkResponse({ type: ApiKeyResponse })
  @Post(':id/revoke')
  @HttpCode(200)
  revoke(@Param('id') id: string, @Ip() ip: string): Promise<ApiKeyView> {
    return this.apiKeys.revoke(id, ip);
  }

  /** Rotate an API key: a new secret (shown once), the old one kept for `overlapSeconds`. */
  @DocumentedErrors(ErrorCode.Conflict)
  @ApiCreatedResponse({ type: CreatedApiKeyResponse })
  @Post(':id/rotate')
  rotate(@Param('id') id: string, @Body() body: RotateApiKeyDto, @Ip() ip: string): Promise<CreatedApiKey> {
    return this.apiKeys.rotate(id, body.expiresAt, ip, body.overlapSeconds);
  }
}
