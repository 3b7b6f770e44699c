import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiResponse } from '@nestjs/swagger';
import { ApiKeyScope } from '@tenantpay/identity';
import {
  IDEMPOTENT_REPLAYED_HEADER,
  type PaymentBatchCreatedView,
  type PaymentBatchItemView,
  PaymentBatchesService,
  type PaymentBatchView,
} from '@tenantpay/payments';
import { ErrorCode } from '@tenantpay/platform';
import { RateLimitRoute } from '@tenantpay/rate-limiting';
import type { ListEnvelope } from '@tenantpay/platform';
import { Feature, RequireFeature, Roles, Scopes } from '@tenantpay/tenancy';
import { CursorPageQueryDto } from '../pagination/cursor-page.query.dto';
import { DocumentedErrors } from '../openapi/documented-errors.decorator';
import { CreatePaymentBatchDto } from './dto/create-payment-batch.dto';
import { ListBatchItemsQueryDto } from './dto/list-batch-items.query.dto';
import { validatePaymentBatchRows } from './dto/validate-payment-batch-rows';
import type { StatusAndHeaders } from './status-and-headers';
import { ListResponse } from '../openapi/list-response.decorator';
import { PaymentBatchCreatedResponse } from './responses/payment-batch-created.response';
import { PaymentBatchItemResponse } from './responses/payment-batch-item.response';
import { PaymentBatchResponse } from './responses/payment-batch.response';
import { PAYMENT_READER_ROLES, PAYMENT_WRITER_ROLES } from './payment-roles.constant';

const DEFAULT_PAGE_SIZE = 100;
/**
 * A batch draws 20 requests from the caller's per-minute budget: it is one request but up to 10,000 rows of
 * validation and writes, so a tenant cannot submit batches as fast as single reads (PROFESSIONAL: 15 a minute).
 */
const BATCH_REQUEST_COST = 20;

/** Bulk payments (SPEC §9, PROFESSIONAL and up). Behaviour lives in @tenantpay/payments. */
@Controller('payments/batches')
@RequireFeature(Feature.BulkPayments)
export class BulkPaymentsController {
  constructor(private readonly batches: PaymentBatchesService) {}

  /** 202: the batch is accepted and its rows are created by the worker; rejected rows are listed. */
  @DocumentedErrors(ErrorCode.IdempotencyInProgress, ErrorCode.IdempotencyKeyReused, ErrorCode.QuotaExceeded)
  @Post()
  @ApiResponse({
    status: 202,
    description: 'Accepted: the rows are created by the worker; rejected rows are listed',
    type: PaymentBatchCreatedResponse,
  })
  @Roles(...PAYMENT_WRITER_ROLES)
  @Scopes(ApiKeyScope.PaymentsWrite)
  @RateLimitRoute({ cost: BATCH_REQUEST_COST })
  async create(
    @Body() body: CreatePaymentBatchDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: StatusAndHeaders,
  ): Promise<PaymentBatchCreatedView> {
    const result = await this.batches.create(await validatePaymentBatchRows(body.payments), idempotencyKey);
    response.status(result.status);
    if (result.replayed) response.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
    return result.body;
  }

  /** The tenant's batches, newest first. */
  @ListResponse(PaymentBatchResponse)
  @Get()
  @Roles(...PAYMENT_READER_ROLES)
  @Scopes(ApiKeyScope.PaymentsRead)
  list(@Query() query: CursorPageQueryDto): Promise<ListEnvelope<PaymentBatchView>> {
    return this.batches.list(query.limit, query.starting_after);
  }

  /** Get a payment batch. */
  @ApiOkResponse({ type: PaymentBatchResponse })
  @Get(':id')
  @Roles(...PAYMENT_READER_ROLES)
  @Scopes(ApiKeyScope.PaymentsRead)
  get(@Param('id') id: string): Promise<PaymentBatchView> {
    return this.batches.get(id);
  }

  /** List a payment batch's rows. */
  @ListResponse(PaymentBatchItemResponse)
  @Get(':id/items')
  @Roles(...PAYMENT_READER_ROLES)
  @Scopes(ApiKeyScope.PaymentsRead)
  items(
    @Param('id') id: string,
    @Query() query: ListBatchItemsQueryDto,
  ): Promise<ListEnvelope<PaymentBatchItemView>> {
    return this.batches.listItems(id, {
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
      ...(query.starting_after !== undefined ? { startingAfter: query.starting_after } : {}),
      ...(query.status !== undefined ? { status: query.status } : {}),
    });
  }
}
