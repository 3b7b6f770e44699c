import { Controller, Get, Query } from '@nestjs/common';
import {
  parseAnalyticsDay,
  PlatformPaymentAnalyticsService,
  type PlatformPaymentVolumes,
  type TopTenants,
} from '@tenantpay/payments';
import { BypassTenantIsolation, Roles } from '@tenantpay/tenancy';
import { PlatformPaymentVolumesQueryDto } from './dto/platform-payment-volumes.query.dto';
import { TopTenantsQueryDto } from './dto/top-tenants.query.dto';
import { ApiExtraModels, ApiOkResponse } from '@nestjs/swagger';
import { DayVolumeResponse } from './responses/day-volume.response';
import { PlatformPaymentVolumesResponse } from './responses/platform-payment-volumes.response';
import { StatusVolumeResponse } from './responses/status-volume.response';
import { TenantVolumeResponse } from './responses/tenant-volume.response';
import { TierVolumeResponse } from './responses/tier-volume.response';
import { TopTenantsResponse } from './responses/top-tenants.response';

const DEFAULT_TOP_TENANTS = 10;

/** Cross-tenant payment analytics for super-admins (SPEC §10); each call audited with its route's reason. */
@Controller('admin/analytics')
@Roles('SUPER_ADMIN')
export class AdminPaymentAnalyticsController {
  constructor(private readonly analytics: PlatformPaymentAnalyticsService) {}

  /** Payment volumes and counts across tenants. */
  // The row shapes `data` may hold, referenced from its `oneOf`.
  @ApiExtraModels(TenantVolumeResponse, TierVolumeResponse, StatusVolumeResponse, DayVolumeResponse)
  @ApiOkResponse({ type: PlatformPaymentVolumesResponse })
  @Get('payments')
  @BypassTenantIsolation('analytics: payment volume and counts across tenants')
  payments(@Query() query: PlatformPaymentVolumesQueryDto): Promise<PlatformPaymentVolumes> {
    return this.analytics.volumes(
      parseAnalyticsDay(query.from, 'from'),
      parseAnalyticsDay(query.to, 'to'),
      query.group_by,
    );
  }

  /** Tenants ranked by payment volume. */
  @ApiOkResponse({ type: TopTenantsResponse })
  @Get('top-tenants')
  @BypassTenantIsolation('analytics: tenants ranked by payment volume')
  topTenants(@Query() query: TopTenantsQueryDto): Promise<TopTenants> {
    return this.analytics.topTenants(
      parseAnalyticsDay(query.from, 'from'),
      parseAnalyticsDay(query.to, 'to'),
      {
        currency: query.currency,
        limit: query.limit ?? DEFAULT_TOP_TENANTS,
        ...(query.status !== undefined ? { status: query.status } : {}),
      },
    );
  }
}
