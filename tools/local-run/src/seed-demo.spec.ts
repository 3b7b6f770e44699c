import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import { seedDemo } from './seed-demo';

// `npm start` is the README's first command; its seed boots the libraries on their own, outside both apps,
// so a library that gains a module dependency can break it without any app test noticing.
describe('seedDemo (npm start)', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();

  it('creates a tenant of each tier with users, an API key and a super-admin, once', async () => {
    const config = testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url });

    const lines = await seedDemo(config);
    const text = lines.join('\n');
    for (const [slug, tier] of [
      ['first-bank', 'STARTER'],
      ['growth-bank', 'PROFESSIONAL'],
      ['global-bank', 'ENTERPRISE'],
    ]) {
      expect(text).toMatch(new RegExp(`${slug}\\s+${tier}\\s+admin@${slug}\\.test / demo-\\S+`));
    }
    expect(text).toMatch(/API key \(all scopes, shown once\): tp_live_\S+/);
    expect(text).toMatch(/Super-admin .*: ops@tenantpay\.test \/ demo-\S+/);

    expect(await seedDemo(config)).toEqual([
      'Demo data already present (its passwords were printed when it was created).',
    ]);
  });
});
