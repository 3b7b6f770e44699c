import { Cluster, type ClusterOptions, Redis, type RedisOptions } from 'ioredis';

import type { RedisTopology } from '../config/app-config';
import type { RedisClient } from './redis-client';
import { redisSecurityOptions } from './redis-security-options';

/**
 * The one way a Redis client is made, for either topology ({@link RedisTopology}). No offline queue: while
 * Redis is unreachable, commands fail at once so callers can degrade (cache → database, limiter → in-process
 * fallback) instead of piling up requests that would all be replayed, late, when Redis returns. Reconnection
 * is automatic and bounded.
 *
 * No resending either: a command whose connection drops before its reply fails to its caller at once
 * (`maxRetriesPerRequest: 0`: ioredis rejects what was in flight as the connection closes), instead of being
 * sent again once the client reconnects. The caller has already decided without it (a fallback, a 503, a
 * buffered replay), and a late copy would be a write nobody accounts for: a usage increment sent again into a
 * hash Redis rebuilt meanwhile could be counted twice, where the meter's own replay waits for the hash's
 * baseline and is recognised as a duplicate. (`autoResendUnfulfilledCommands: false` alone would not do: it
 * drops such commands without settling them, and a caller without a command timeout would wait for ever.)
 *
 * Auto-pipelining: commands issued during one event-loop turn (by every request the server is serving at
 * that moment) leave in one socket write instead of one write each (per node, on a cluster). A write was the
 * largest single cost a request's rate-limit and usage call added (measured by bench/tenancy); the price is
 * that a command waits for the end of the current turn before it is sent.
 *
 * On a cluster (Redis's and ioredis's guidance): reads and writes go to masters only (`scaleReads: 'master'`;
 * a replica may be behind, and counters must read their own writes), node addresses are used as the cluster
 * announces them (no NAT map), and the cluster's offline queue is off like the server's, so a command during
 * a failover fails fast and the caller degrades rather than waiting for the new master.
 */
export function createRedisClient(
  topology: RedisTopology,
  connectionName: string,
  overrides: RedisOptions = {},
  clusterOverrides: ClusterOptions = {},
): RedisClient {
  const options: RedisOptions = {
    connectionName,
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 2_000,
    commandTimeout: 1_000,
    enableAutoPipelining: true,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    ...redisSecurityOptions(topology.security),
    ...overrides,
  };
  // Credentials in the URL win over these options (ioredis fills only what the URL left unset).
  if (topology.kind === 'standalone') return new Redis(topology.url, options);
  // A node's own reconnection and offline queue are the cluster's to decide (ioredis refuses them per node).
  const { enableAutoPipelining, enableOfflineQueue, lazyConnect, retryStrategy, ...node } = options;
  return new Cluster(
    topology.nodes.map(({ host, port }) => ({ host, port })),
    {
      scaleReads: 'master',
      enableAutoPipelining,
      enableOfflineQueue,
      lazyConnect,
      clusterRetryStrategy: retryStrategy,
      redisOptions: node,
      // ioredis's guidance for TLS clusters: connect to the names the cluster announces as they are, without
      // resolving them first, so each certificate is checked against the name it was issued for.
      ...(topology.security?.tls === undefined ? {} : { dnsLookup: keepHostName }),
      ...clusterOverrides,
    },
  );
}

function keepHostName(address: string, callback: (error: null, address: string) => void): void {
  callback(null, address);
}
