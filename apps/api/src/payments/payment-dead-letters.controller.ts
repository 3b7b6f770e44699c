import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { DeadLettersService, type DeadLetterView } from '@tenantpay/payments';
import { ErrorCode, type ListEnvelope } from '@tenantpay/platform';
import { BypassTenantIsolation, Roles } from '@tenantpay/tenancy';
import { DeadLettersQueryDto } from './dto/dead-letters.query.dto';
import { DocumentedErrors } from '../openapi/documented-errors.decorator';
import { ApiOkResponse } from '@nestjs/swagger';
import { ListResponse } from '../openapi/list-response.decorator';
import { DeadLetterResponse } from './responses/dead-letter.response';

/** Super-admins inspect payment jobs that exhausted their retries and replay them one by one. */
@Controller('admin/payments/dead-letters')
@Roles('SUPER_ADMIN')
@BypassTenantIsolation('payment dead-letter inspection and replay')
export class PaymentDeadLettersController {
  constructor(private readonly deadLetters: DeadLettersService) {}

  /** List payment jobs that exhausted their retries. */
  @DocumentedErrors(ErrorCode.NotFound)
  @ListResponse(DeadLetterResponse)
  @Get()
  list(@Query() query: DeadLettersQueryDto): Promise<ListEnvelope<DeadLetterView>> {
    return this.deadLetters.list(query.limit, query.starting_after);
  }

  /** Retry a dead-lettered payment job. */
  @ApiOkResponse({ type: DeadLetterResponse })
  @Post(':jobId/replay')
  @HttpCode(200)
  replay(@Param('jobId') jobId: string): Promise<DeadLetterView> {
    return this.deadLetters.replay(jobId);
  }
}
