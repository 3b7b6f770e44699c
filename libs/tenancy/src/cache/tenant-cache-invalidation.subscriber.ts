import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { type AppConfig, APP_CONFIG, createRedisClient, type RedisClient } from '@tenantpay/platform';
import { TENANT_CACHE_INVALIDATION_CHANNEL } from './tenant-cache-keys.constant';

export interface TenantCacheInvalidationListener {
  /** Another instance (or this one) changed tenants: drop these keys. */
  onInvalidate(keys: readonly string[]): void;
  /** Messages may have been missed (connection lost) or listening starts again: drop everything. */
  onReset(): void;
}

/**
 * This instance's ear on the invalidation channel, on a connection of its own (a subscribed Redis
 * connection can run no other command). The channel is a sharded one (SSUBSCRIBE/SPUBLISH, Redis 7): on a
 * cluster a message then goes to the shard that owns the channel's slot only, rather than being broadcast to
 * every node as a classic PUBLISH is; on one server the two behave alike. The in-process cache may be used only while `listening` is
 * true: a message published while the connection is down is lost for good, so the moment the connection
 * drops the listener is told to forget everything, and listening resumes only once SUBSCRIBE is
 * confirmed again on the new connection.
 */
@Injectable()
export class TenantCacheInvalidationSubscriber implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('TenantCache');
  private readonly connection: RedisClient;
  private readonly listeners = new Set<TenantCacheInvalidationListener>();
  private subscribedOnConnection = false;
  private outage = false;
  private closing = false;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.connection = createRedisClient(
      config.redis,
      `tenantpay-${config.env}-tenant-cache-invalidations`,
      // Resubscription is done by hand so that `listening` turns true only once it is confirmed.
      { autoResubscribe: false, enableAutoPipelining: false, commandTimeout: undefined },
      // ioredis keeps one subscriber connection per master for sharded channels.
      { shardedSubscribers: true },
    );
  }

  get listening(): boolean {
    return this.subscribedOnConnection && this.connection.status === 'ready';
  }

  /**
   * Every in-process cache that lives next to the tenant lookups and is invalidated over the same channel
   * (identity's user access, for one) listens here and hears every message; each drops what it holds.
   */
  addListener(listener: TenantCacheInvalidationListener): void {
    this.listeners.add(listener);
  }

  async onModuleInit(): Promise<void> {
    this.connection.on('smessage', (channel: string, message: string) => {
      if (channel === TENANT_CACHE_INVALIDATION_CHANNEL) this.deliver(message);
    });
    this.connection.on('ready', () => void this.subscribe());
    this.connection.on('close', () => this.lost());
    // A cluster's subscriber connection to the channel's shard (a failover moves it) comes and goes apart
    // from the cluster client's own state.
    this.connection.on('-subscriber', () => this.lost());
    this.connection.on('subscribersReady', () => void this.subscribe());
    this.connection.on('error', (error: Error) => {
      if (!this.outage && !this.closing) {
        this.logger.warn(`Invalidation channel unavailable, in-process tenant cache off: ${error.message}`);
      }
      this.outage = true;
    });
    // Boot does not wait for Redis: without the channel, lookups simply skip the in-process cache.
    await this.connection.connect().catch(() => undefined);
    if (this.connection.status === 'ready' && !this.subscribedOnConnection) await this.subscribe();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    this.connection.disconnect();
  }

  private async subscribe(): Promise<void> {
    try {
      await this.connection.ssubscribe(TENANT_CACHE_INVALIDATION_CHANNEL);
    } catch {
      return; // the connection failed again; 'close' and a later 'ready' follow
    }
    if (this.connection.status !== 'ready' || this.subscribedOnConnection) return;
    this.subscribedOnConnection = true;
    if (this.outage) this.logger.log('Invalidation channel restored, in-process tenant cache on');
    this.outage = false;
    this.reset();
  }

  private lost(): void {
    const wasListening = this.subscribedOnConnection;
    this.subscribedOnConnection = false;
    if (wasListening) this.reset();
  }

  private deliver(message: string): void {
    let keys: unknown;
    try {
      keys = JSON.parse(message);
    } catch {
      keys = undefined;
    }
    if (Array.isArray(keys) && keys.every((key) => typeof key === 'string')) {
      for (const listener of this.listeners) listener.onInvalidate(keys);
    } else {
      // Unreadable means "something changed": forgetting everything is the safe reading.
      this.reset();
    }
  }

  private reset(): void {
    for (const listener of this.listeners) listener.onReset();
  }
}
