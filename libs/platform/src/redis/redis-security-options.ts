import type { RedisOptions } from 'ioredis';

import type { RedisSecurity } from '../config/app-config';

/** AUTH and TLS options for every connection to Redis: the server's, or each cluster node's (replicas too). */
export function redisSecurityOptions(security: RedisSecurity | undefined): RedisOptions {
  if (security === undefined) return {};
  return {
    ...(security.username === undefined ? {} : { username: security.username }),
    ...(security.password === undefined ? {} : { password: security.password }),
    ...(security.tls === undefined
      ? {}
      : { tls: security.tls.ca === undefined ? {} : { ca: security.tls.ca } }),
  };
}
