import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { APP_CONFIG, type AppConfig, SHARED_PLACEMENT } from '@tenantpay/platform';
import type { Connection } from 'mongoose';
import { AsyncResource } from 'node:async_hooks';
import { PlacementCapacityException } from './placement-capacity.exception';
import { PlacementConnectionOpener } from './placement-connection-opener';
import { UnknownPlacementException } from './unknown-placement.exception';

/** Readies a freshly opened placement connection before anyone may use it (e.g. registers the models). */
export type PlacementConnectionPreparer = (connection: Connection, placement: string) => Promise<void>;

interface OpenPlacement {
  readonly ready: Promise<Connection>;
  /** Set once `ready` resolved: only an opened connection counts as open (health, eviction). */
  connection: Connection | undefined;
  lastUsedAt: number;
}

/**
 * The MongoDB connection of each placement: `shared` is the application's connection (MONGODB_URI); a
 * dedicated cluster (MONGODB_PLACEMENTS) is connected to the first time a tenant placed on it is served, so a
 * process holds pools only to the clusters its traffic needs:
 * - single flight: concurrent first uses share one opening; a failed opening is forgotten, the next use retries;
 * - bounded: at most MONGODB_PLACEMENT_MAX_OPEN dedicated connections; at the bound, the least recently used
 *   one is closed if it has been unused for longer than any operation may run, else the request is refused
 *   with 503 and Retry-After rather than connecting beyond the bound;
 * - idle: a connection unused for MONGODB_PLACEMENT_IDLE_MS is closed;
 * - all are closed on shutdown (the shared one by Nest, as before).
 *
 * "Used" means handed out by {@link connectionFor}: every repository operation asks for its connection, so a
 * connection in use is touched at least once per operation. A cursor iterated for longer than the idle time
 * without another operation of that placement would see its connection closed.
 *
 * Connections are opened and prepared outside any tenant context (an async scope captured at boot): an
 * index build on a new cluster is platform work and the command wall refuses schema commands inside a tenant.
 */
@Injectable()
export class PlacementConnections implements OnApplicationShutdown {
  private readonly logger = new Logger(PlacementConnections.name);
  private readonly open = new Map<string, OpenPlacement>();
  private readonly preparers: PlacementConnectionPreparer[] = [];
  private readonly outsideAnyContext = new AsyncResource(PlacementConnections.name);
  private readonly sweep: NodeJS.Timeout;
  /** Longer than any operation can take: a connection unused this long has nothing in flight. */
  private readonly evictionGraceMs: number;

  constructor(
    @InjectConnection() readonly shared: Connection,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly opener: PlacementConnectionOpener,
  ) {
    const { timeouts, placementIdleMs } = config.mongodb;
    this.evictionGraceMs = timeouts.transactionMs + 2 * timeouts.socketMs + timeouts.waitQueueMs;
    this.sweep = setInterval(() => void this.closeIdle(), Math.min(placementIdleMs / 4, 30_000));
    this.sweep.unref();
  }

  /** Every placement a tenant may be on: `shared` first, then the configured dedicated clusters. */
  names(): string[] {
    return [SHARED_PLACEMENT, ...Object.keys(this.config.mongodb.placements)];
  }

  /** The dedicated placements with an open connection now. */
  openNames(): string[] {
    return [...this.openConnections().keys()];
  }

  /**
   * The open dedicated connections, for observing them (health): unlike {@link connectionFor}, looking does not
   * count as use, so a readiness probe never keeps an idle connection open.
   */
  openConnections(): ReadonlyMap<string, Connection> {
    const open = new Map<string, Connection>();
    for (const [name, entry] of this.open)
      if (entry.connection !== undefined) open.set(name, entry.connection);
    return open;
  }

  isConfigured(name: string): boolean {
    return name === SHARED_PLACEMENT || Object.hasOwn(this.config.mongodb.placements, name);
  }

  /** Throws UnknownPlacementException (400) unless `name` is `shared` or configured. */
  assertConfigured(name: string): void {
    if (!this.isConfigured(name)) throw new UnknownPlacementException(name);
  }

  /** Runs `prepare` on every dedicated connection opened from now on, before it is handed out. */
  onOpen(prepare: PlacementConnectionPreparer): void {
    this.preparers.push(prepare);
  }

  async connectionFor(name: string): Promise<Connection> {
    if (name === SHARED_PLACEMENT) return this.shared;
    this.assertConfigured(name);
    const existing = this.open.get(name);
    if (existing !== undefined) {
      existing.lastUsedAt = Date.now();
      return existing.ready;
    }
    await this.makeRoom();
    // Another caller may have started the same opening while this one closed a connection to make room.
    const raced = this.open.get(name);
    if (raced !== undefined) return raced.ready;
    const uri = this.config.mongodb.placements[name] as string;
    const entry: OpenPlacement = {
      ready: this.outsideAnyContext.runInAsyncScope(() => this.openPrepared(name, uri)),
      connection: undefined,
      lastUsedAt: Date.now(),
    };
    this.open.set(name, entry);
    entry.ready.then(
      (connection) => {
        entry.connection = connection;
      },
      () => {
        if (this.open.get(name) === entry) this.open.delete(name);
      },
    );
    return entry.ready;
  }

  /** Closes the dedicated connections unused for MONGODB_PLACEMENT_IDLE_MS (also run on a timer). */
  async closeIdle(): Promise<void> {
    const idleBefore = Date.now() - this.config.mongodb.placementIdleMs;
    const idle = [...this.open].filter(
      ([, entry]) => entry.connection !== undefined && entry.lastUsedAt <= idleBefore,
    );
    await Promise.all(idle.map(([name]) => this.close(name, 'idle')));
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.sweep);
    await Promise.all([...this.open.keys()].map((name) => this.close(name, 'shutdown')));
  }

  private async openPrepared(name: string, uri: string): Promise<Connection> {
    const connection = await this.opener.open(uri);
    try {
      for (const prepare of this.preparers) await prepare(connection, name);
    } catch (error) {
      await connection.close().catch(() => undefined);
      throw error;
    }
    this.logger.log({ placement: name }, 'Connected to a dedicated placement');
    return connection;
  }

  private async makeRoom(): Promise<void> {
    if (this.open.size < this.config.mongodb.maxOpenPlacements) return;
    const evictableBefore = Date.now() - this.evictionGraceMs;
    const [oldest] = [...this.open]
      .filter(([, entry]) => entry.connection !== undefined && entry.lastUsedAt <= evictableBefore)
      .sort(([, a], [, b]) => a.lastUsedAt - b.lastUsedAt);
    if (oldest === undefined) throw new PlacementCapacityException();
    await this.close(oldest[0], 'capacity');
  }

  private async close(name: string, reason: 'idle' | 'capacity' | 'shutdown'): Promise<void> {
    const entry = this.open.get(name);
    if (entry === undefined) return;
    this.open.delete(name);
    try {
      const connection = await entry.ready;
      await connection.close();
      this.logger.log({ placement: name, reason }, 'Closed a dedicated placement connection');
    } catch (error) {
      // An opening that failed has nothing to close; a close that failed leaves the driver to drop the sockets.
      if (entry.connection !== undefined)
        this.logger.warn({ placement: name, err: error }, 'Could not close a placement connection');
    }
  }
}
