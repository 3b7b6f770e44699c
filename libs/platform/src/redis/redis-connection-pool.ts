import { Redis } from 'ioredis';

import type { RedisTopology } from '../config/app-config';
import { createRedisClient } from './create-redis-client';
import type { RedisClient } from './redis-client';

/**
 * A few Redis connections of their own for one hot path that sends many small commands (the rate limiter's
 * one EVALSHA per request), with two things the shared client cannot give it:
 *
 * - Overlap. On one connection, client and server take turns: Redis answers a batch, Node handles every
 *   answer and writes the next batch, and meanwhile Redis idles. With two connections, Redis works through
 *   one connection's batch while Node handles the other's answers. Measured with our script, one process,
 *   64 calls in flight: one connection reached ~0.65 of redis-benchmark's 64-deep pipeline, two reached it.
 * - Cheap write batching. Each connection's socket is corked on its first command and uncorked from the event
 *   loop's next check phase (`setImmediate`), so the commands sent in between leave in one write: those of
 *   every request the admission gate hands to the framework in the same check phase, and of work resumed by
 *   the replies of one read. Uncorked on the next tick instead, a command sent between two of those callbacks
 *   (an Immediate each, as the gate once used per request) was a write of its own. ioredis's auto-pipelining
 *   batches too, through a Pipeline object per batch, which cost more than the write it saved (measured: 2
 *   connections with auto-pipelining ~85k calls/s, corked ~165k).
 *
 * Connections are picked round robin. Commands of one caller may run on different connections and therefore
 * in either order; callers here send self-contained atomic scripts, for which that does not matter.
 *
 * On a Redis Cluster each pooled client is a cluster client, which holds one connection per master and routes
 * each command by its keys' slot: the pool is then `size` connections per node. A cluster client has no one
 * socket to cork; it batches per node with ioredis's auto-pipelining instead.
 */
export class RedisConnectionPool {
  private readonly corked: boolean[];
  private nextIndex = 0;
  private connecting: Promise<void> | undefined;

  constructor(readonly connections: readonly [RedisClient, ...RedisClient[]]) {
    this.corked = connections.map(() => false);
  }

  /**
   * `size` connections with the platform client's options, except two: no auto-pipelining on one server (the
   * pool batches by corking) and no per-command timeout (a timer per command; the pool's callers enforce their own budget).
   */
  static create(topology: RedisTopology, connectionName: string, size: number): RedisConnectionPool {
    if (!Number.isSafeInteger(size) || size < 1)
      throw new Error('A Redis connection pool needs at least one connection');
    const open = (index: number) =>
      createRedisClient(topology, `${connectionName}-${index}`, {
        enableAutoPipelining: topology.kind === 'cluster',
        commandTimeout: undefined,
      });
    return new RedisConnectionPool([
      open(1),
      ...Array.from({ length: size - 1 }, (_, index) => open(index + 2)),
    ]);
  }

  /** The next connection, its socket corked until the loop's next check phase (when it is ready to write). */
  next(): RedisClient {
    const index = this.nextIndex;
    this.nextIndex = index + 1 === this.connections.length ? 0 : index + 1;
    const connection = this.connections[index] as RedisClient;
    if (!this.corked[index] && connection.status === 'ready' && connection instanceof Redis) {
      const socket = connection.stream;
      this.corked[index] = true;
      socket.cork();
      setImmediate(() => {
        this.corked[index] = false;
        socket.uncork();
      });
    }
    return connection;
  }

  /**
   * Connects the connections that have not connected yet. Never rejects: an unreachable Redis must not keep
   * the application from starting, and callers already handle failed commands.
   */
  connect(): Promise<void> {
    this.connecting ??= Promise.all(
      this.connections.map((connection) =>
        connection.status === 'wait' ? connection.connect().catch(() => undefined) : undefined,
      ),
    ).then(() => undefined);
    return this.connecting;
  }

  async close(): Promise<void> {
    await Promise.all(
      this.connections.map((connection) =>
        connection.status === 'end'
          ? undefined
          : connection.quit().then(
              () => undefined,
              () => connection.disconnect(),
            ),
      ),
    );
  }
}
