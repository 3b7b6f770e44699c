import { Controller, Get } from '@nestjs/common';
import { ReadinessService } from '@tenantpay/platform';
import { SkipRateLimit } from '@tenantpay/rate-limiting';
import { Public } from '@tenantpay/tenancy';

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
  @Get('ready')
  ready() {
    return this.readiness.check();
  }
}
