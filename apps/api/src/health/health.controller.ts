import { Controller, Get } from '@nestjs/common';
import { ErrorCode, ReadinessService } from '@tenantpay/platform';
import { SkipRateLimit } from '@tenantpay/rate-limiting';
import { Public } from '@tenantpay/tenancy';
import { DocumentedErrors } from '../openapi/documented-errors.decorator';
import { ApiOkResponse } from '@nestjs/swagger';
import { LivenessResponse } from './responses/liveness.response';
import { ReadinessResponse } from './responses/readiness.response';

/** Probes for orchestrators: live = the process serves HTTP; ready = its dependencies answer too. */
@Public()
@SkipRateLimit()
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  /** Liveness: the process answers. */
  @ApiOkResponse({ type: LivenessResponse })
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the process and its dependencies answer. */
  @DocumentedErrors(ErrorCode.NotReady)
  @ApiOkResponse({ type: ReadinessResponse })
  @Get('ready')
  ready() {
    return this.readiness.check();
  }
}
