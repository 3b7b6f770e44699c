import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { type ReadinessIndicator, SHARED_PLACEMENT, waitAtMost } from '@tenantpay/platform';
import type { Connection } from 'mongoose';
import { PlacementConnections } from '../connections/placement-connections';
import { PLACEMENT_HEALTH_KEY, PLACEMENT_NOT_OPENED } from '../placement.constant';

type PlacementState = {
  readonly status: 'up' | 'down' | typeof PLACEMENT_NOT_OPENED;
  readonly message?: string;
};

/**
 * Each dedicated placement in the readiness details: `up` or `down` (with why) for an open connection, pinged
 * like the shared database; `not_opened` for a configured cluster no tenant has needed yet (checking it would
 * open the very connection laziness avoids). Always up itself: one bank's cluster being down must not take
 * every instance out of rotation for every other tenant (the shared database is checked on its own).
 */
@Injectable()
export class PlacementHealthIndicator implements ReadinessIndicator {
  readonly key = PLACEMENT_HEALTH_KEY;

  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly connections: PlacementConnections,
  ) {}

  async check(timeoutMs: number) {
    const open = this.connections.openConnections();
    const dedicated = this.connections.names().filter((name) => name !== SHARED_PLACEMENT);
    const states = await Promise.all(
      dedicated.map(async (name): Promise<[string, PlacementState]> => {
        const connection = open.get(name);
        if (connection === undefined) return [name, { status: PLACEMENT_NOT_OPENED }];
        return [name, await this.ping(connection, timeoutMs)];
      }),
    );
    return this.indicators.check(this.key).up(Object.fromEntries(states));
  }

  private async ping(connection: Connection, timeoutMs: number): Promise<PlacementState> {
    // eslint-disable-next-line no-restricted-syntax -- a server `ping`: no collection, no tenant data
    const db = connection.db;
    if (db === undefined) return { status: 'down', message: 'not connected' };
    let failure: unknown;
    const ping = db.command({ ping: 1 }).catch((error: unknown) => {
      failure = error ?? new Error('unreachable');
    });
    if (!(await waitAtMost(ping, timeoutMs)))
      return { status: 'down', message: `no answer within ${timeoutMs} ms` };
    if (failure !== undefined)
      return { status: 'down', message: failure instanceof Error ? failure.message : 'unreachable' };
    return { status: 'up' };
  }
}
