import { SetMetadata } from '@nestjs/common';

import { READS_CURRENT_USAGE } from './usage.constant';

/**
 * The route reports the tenant's current usage: the rate-limit guard's metering write reads the usage hash
 * back in its one Redis call, and the report takes it from there (`RequestUsageMeter.meteredUsageOf`) instead
 * of a Redis round trip of its own.
 */
export const ReadsCurrentUsage = (): MethodDecorator => SetMetadata(READS_CURRENT_USAGE, true);
