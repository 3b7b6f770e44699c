import { Cluster, Redis } from 'ioredis';

import { createRedisClient } from './create-redis-client';

const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const security = { username: 'tenantpay', password: 's3cret', tls: { ca: CA } };

describe('createRedisClient credentials and TLS', () => {
  it('gives every cluster node the credentials and TLS authorities, and keeps announced host names', () => {
    const client = createRedisClient(
      { kind: 'cluster', nodes: [{ host: 'redis-1.internal', port: 6380 }], security },
      'spec',
    ) as Cluster;
    try {
      expect(client).toBeInstanceOf(Cluster);
      expect(client.options.redisOptions).toMatchObject({
        username: 'tenantpay',
        password: 's3cret',
        tls: { ca: CA },
      });
      // ioredis's TLS guidance: no DNS resolution before connecting, so certificates match the names.
      const resolved = jest.fn();
      client.options.dnsLookup?.('redis-1.internal', resolved);
      expect(resolved).toHaveBeenCalledWith(null, 'redis-1.internal');
    } finally {
      client.disconnect();
    }
  });

  it('resolves node names as usual without TLS', () => {
    const client = createRedisClient(
      { kind: 'cluster', nodes: [{ host: '10.0.0.1', port: 7000 }], security: { password: 's3cret' } },
      'spec',
    ) as Cluster;
    try {
      expect(client.options.redisOptions).not.toHaveProperty('tls');
      expect(client.options.redisOptions?.password).toBe('s3cret');
      expect(client.options.dnsLookup?.name).not.toBe('keepHostName');
    } finally {
      client.disconnect();
    }
  });

  it('lets credentials in REDIS_URL win over REDIS_USERNAME/REDIS_PASSWORD, and applies the authorities', () => {
    const client = createRedisClient(
      { kind: 'standalone', url: 'rediss://owner:from-url@redis.internal:6380', security },
      'spec',
    ) as Redis;
    try {
      expect(client.options).toMatchObject({ username: 'owner', password: 'from-url', tls: { ca: CA } });
    } finally {
      client.disconnect();
    }
  });
});
