import { type DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { READINESS_INDICATOR } from '@tenantpay/platform';
import { PlacementConnectionOpener } from './connections/placement-connection-opener';
import { PlacementConnections } from './connections/placement-connections';
import { PlacementHealthIndicator } from './health/placement.health-indicator';
import { TenantPlacementResolver } from './resolution/tenant-placement.resolver';
import { PLACEMENT_WRITE_GATE } from './writes/placement-write-gate';
import { PlacementWriteGateService } from './writes/placement-write-gate.service';

/**
 * Tenant placement for the whole application (global): the connection of each placement, the resolver of a
 * tenant's placement, the write gate repositories ask before writing, and the placements' readiness details.
 * Needs PlatformCoreModule (config, the shared connection), TenancyModule (the tenant cache) and, for the
 * command wall on dedicated clusters, DataIsolationModule (MONGO_DRIVER_CONNECTION_CLASS).
 */
@Module({})
export class PlacementModule {
  static forRoot(): DynamicModule {
    return {
      module: PlacementModule,
      global: true,
      imports: [TerminusModule],
      providers: [
        PlacementConnectionOpener,
        PlacementConnections,
        TenantPlacementResolver,
        PlacementWriteGateService,
        { provide: PLACEMENT_WRITE_GATE, useExisting: PlacementWriteGateService },
        PlacementHealthIndicator,
        { provide: READINESS_INDICATOR, useExisting: PlacementHealthIndicator },
      ],
      exports: [PlacementConnections, TenantPlacementResolver, PLACEMENT_WRITE_GATE, READINESS_INDICATOR],
    };
  }
}
