import { type DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { READINESS_INDICATOR } from '@tenantpay/platform';
import { PlacementConnectionOpener } from './connections/placement-connection-opener';
import { PlacementConnections } from './connections/placement-connections';
import { PlacementHealthIndicator } from './health/placement.health-indicator';
import { TenantPlacementResolver } from './resolution/tenant-placement.resolver';
import { MoveWriteRegistry } from './write-gate/move-write-registry';
import { MovingTenantWriteGate } from './write-gate/moving-tenant-write-gate';
import { TenantPlacementView } from './write-gate/tenant-placement-view';
import { PLACEMENT_WRITE_GATE } from './writes/placement-write-gate';

/**
 * Tenant placement for the whole application (global): the connection of each placement, the resolver of a
 * tenant's placement, the write gate repositories ask before writing (MovingTenantWriteGate: free for tenants not moving), and the placements' readiness details.
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
        { provide: TenantPlacementView, useExisting: TenantPlacementResolver },
        MoveWriteRegistry,
        MovingTenantWriteGate,
        { provide: PLACEMENT_WRITE_GATE, useExisting: MovingTenantWriteGate },
        PlacementHealthIndicator,
        { provide: READINESS_INDICATOR, useExisting: PlacementHealthIndicator },
      ],
      exports: [
        PlacementConnections,
        TenantPlacementResolver,
        MoveWriteRegistry,
        PLACEMENT_WRITE_GATE,
        READINESS_INDICATOR,
      ],
    };
  }
}
