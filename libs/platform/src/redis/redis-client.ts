import { Cluster, type Redis } from 'ioredis';

/**
 * The platform's Redis client, whichever the topology: one server or a Redis Cluster. Commands, scripts,
 * MULTI and pipelines are the same on both as long as each call's keys share one hash slot (every key the
 * platform writes carries a `{…}` hash tag for that); what differs (scripts loaded on every master, SCAN per
 * master, sharded pub/sub) is handled where it matters, through {@link redisMasters}.
 */
export type RedisClient = Redis | Cluster;

/** The connections that hold data: the client itself for one server, each master's for a cluster. */
export function redisMasters(client: RedisClient): Redis[] {
  return client instanceof Cluster ? client.nodes('master') : [client];
}
