import { Controller, Get } from '@nestjs/common';
import { ErrorCode, ReadinessService } from '@tenantpay/platform';
import { SkipRateLimit } from '@tenantpay/rate-limiting';
import { Public } from '@tenantpay/tenancy';
import { DocumentedErrors } from '../openapi/documented-errors.decorator';

/** Probes for orchestrators: live = the process serves HTTP; ready = its dependencies answer too. */
@Public()
@SkipRateLimit()
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  /** Liveness: the process answers. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the process and its dependencies answer. */
  @DocumentedErrors(ErrorCode.NotReady)
  @Get('ready')
  ready() {
    return this.readiness.check();
  }
}
