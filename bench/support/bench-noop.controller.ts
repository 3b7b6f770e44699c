/**
 * Two no-op routes that differ only in what the tenancy chain does for them, for the benches that measure the
 * chain's cost (tenancy bench, in-process request cost). "Open" is @Public() and @SkipRateLimit() and is called
 * on the bare base domain without credentials; "noop" is a tenant route called with a credential on the
 * tenant's host. Both share one process, JIT state and the whole production HTTP stack (helmet, request ids,
 * pino request logging, HTTP metrics, pipes, exception filter), so their difference is exactly what an
 * authenticated tenant request adds: credential verification, the tenant cache lookups, the guards' real checks
 * and (for a finite policy) the rate-limit + usage Redis round trip.
 */
import { Controller, Get } from '@nestjs/common';
import { SkipRateLimit } from '@tenantpay/rate-limiting';
import { Public } from '@tenantpay/tenancy';

@Controller('bench')
export class BenchNoopController {
  @Get('noop')
  authenticated(): { ok: true } {
    return { ok: true };
  }

  @Get('open')
  @Public()
  @SkipRateLimit()
  open(): { ok: true } {
    return { ok: true };
  }
}
