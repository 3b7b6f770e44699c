import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiKeyScope } from '@tenantpay/identity';
import {
  type IdempotentResponse,
  IDEMPOTENT_REPLAYED_HEADER,
  parseAnalyticsDay,
  type PaymentAnalytics,
  PaymentAnalyticsService,
  type PaymentStats,
  PaymentsService,
  type PaymentView,
} from '@tenantpay/payments';
import { ErrorCode, type ListEnvelope } from '@tenantpay/platform';
import { Feature, RequireFeature, Roles, Scopes } from '@tenantpay/tenancy';
import { PaymentResponse } from '../openapi/payment-response.decorator';
import { DocumentedErrors } from '../openapi/documented-errors.decorator';
import { AnalyticsQueryDto } from './dto/analytics.query.dto';
import { CreatePaymentDto } from './dto/create-payment.dto';
import { ListPaymentsQueryDto } from './dto/list-payments.query.dto';
import { PaymentNoteDto } from './dto/payment-note.dto';
import { RefundPaymentDto } from './dto/refund-payment.dto';
import type { StatusAndHeaders } from './status-and-headers';
import { ListResponse } from '../openapi/list-response.decorator';
import { PAYMENT_SCHEMA } from '../openapi/openapi.constant';
import { ApiOkResponse } from '@nestjs/swagger';
import { PaymentStatsResponse } from './responses/payment-stats.response';
import { PaymentAnalyticsResponse } from './responses/payment-analytics.response';
import { PAYMENT_READER_ROLES, PAYMENT_WRITER_ROLES } from './payment-roles.constant';

const DEFAULT_PAGE_SIZE = 10;

/** The tenant's payments (SPEC §9). Behaviour lives in @tenantpay/payments; this maps HTTP onto it. */
@Controller('payments')
@RequireFeature(Feature.BasicPayments)
export class PaymentsController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly analytics: PaymentAnalyticsService,
  ) {}

  /** Create a payment. */
  @DocumentedErrors(
    ErrorCode.Conflict,
    ErrorCode.IdempotencyInProgress,
    ErrorCode.IdempotencyKeyReused,
    ErrorCode.QuotaExceeded,
  )
  @PaymentResponse(201)
  @Post()
  @Roles(...PAYMENT_WRITER_ROLES)
  @Scopes(ApiKeyScope.PaymentsWrite)
  async create(
    @Body() body: CreatePaymentDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: StatusAndHeaders,
  ): Promise<PaymentView> {
    return answer(response, await this.payments.create(body, idempotencyKey));
  }

  /** List payments. */
  @ListResponse(PAYMENT_SCHEMA)
  @Get()
  @Roles(...PAYMENT_READER_ROLES)
  @Scopes(ApiKeyScope.PaymentsRead)
  list(@Query() query: ListPaymentsQueryDto): Promise<ListEnvelope<PaymentView>> {
    return this.payments.list({
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
      ...defined({
        startingAfter: query.starting_after,
        endingBefore: query.ending_before,
        status: query.status,
        currency: query.currency,
        method: query.method,
        reference: query.reference,
        createdGte: query.created_gte === undefined ? undefined : new Date(query.created_gte),
        createdLte: query.created_lte === undefined ? undefined : new Date(query.created_lte),
        amountGte: query.amount_gte,
        amountLte: query.amount_lte,
      }),
    });
  }

  /** Payment counts and volumes by status. */
  @ApiOkResponse({ type: PaymentStatsResponse })
  @Get('stats')
  @Roles(...PAYMENT_READER_ROLES)
  @Scopes(ApiKeyScope.PaymentsRead)
  stats(): Promise<PaymentStats> {
    return this.analytics.stats();
  }

  /** Payment analytics over a date range. */
  @ApiOkResponse({ type: PaymentAnalyticsResponse })
  @Get('analytics')
  @RequireFeature(Feature.Analytics)
  @Roles(...PAYMENT_READER_ROLES)
  @Scopes(ApiKeyScope.PaymentsRead)
  analyticsReport(@Query() query: AnalyticsQueryDto): Promise<PaymentAnalytics> {
    return this.analytics.analytics(parseAnalyticsDay(query.from, 'from'), parseAnalyticsDay(query.to, 'to'));
  }

  /** Get a payment. */
  @PaymentResponse(200)
  @Get(':id')
  @Roles(...PAYMENT_READER_ROLES)
  @Scopes(ApiKeyScope.PaymentsRead)
  get(@Param('id') id: string): Promise<PaymentView> {
    return this.payments.get(id);
  }

  /** Cancel a payment. */
  @DocumentedErrors(ErrorCode.Conflict)
  @PaymentResponse(200)
  @Post(':id/cancel')
  @HttpCode(200)
  @Roles(...PAYMENT_WRITER_ROLES)
  @Scopes(ApiKeyScope.PaymentsWrite)
  cancel(@Param('id') id: string, @Body() body: PaymentNoteDto): Promise<PaymentView> {
    return this.payments.cancel(id, body.note);
  }

  /** Refund a payment, fully or partly. */
  @DocumentedErrors(ErrorCode.Conflict, ErrorCode.IdempotencyInProgress, ErrorCode.IdempotencyKeyReused)
  @PaymentResponse(200)
  @Post(':id/refund')
  @HttpCode(200)
  @Roles(...PAYMENT_WRITER_ROLES)
  @Scopes(ApiKeyScope.PaymentsWrite)
  async refund(
    @Param('id') id: string,
    @Body() body: RefundPaymentDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: StatusAndHeaders,
  ): Promise<PaymentView> {
    return answer(response, await this.payments.refund(id, body, idempotencyKey));
  }
}

/** The stored status on a replay, and the header that tells the client it is one. */
function answer<T>(response: StatusAndHeaders, result: IdempotentResponse<T>): T {
  response.status(result.status);
  if (result.replayed) response.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
  return result.body;
}

function defined<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
