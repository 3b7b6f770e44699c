import { ConfigValidationError } from './config-validation.error';
import { loadConfig } from './load-config';
import { parseMongodbPlacements } from './parse-mongodb-placements';

const valid = {
  MONGODB_URI: 'mongodb://127.0.0.1:27017/tenantpay',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SIGNING_KEYS: `k1:${'s'.repeat(40)}`,
  PAYMENTS_GATEWAY: 'simulated',
};

function bootProblems(placements: string): readonly string[] {
  try {
    loadConfig({ ...valid, MONGODB_PLACEMENTS: placements });
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('MONGODB_PLACEMENTS', () => {
  it('is empty when unset: every tenant is on the shared database', () => {
    expect(loadConfig(valid).mongodb.placements).toEqual({});
  });

  it('maps placement names to their cluster URIs', () => {
    const config = loadConfig({
      ...valid,
      MONGODB_PLACEMENTS: JSON.stringify({
        'eu-bank-1': 'mongodb://db-eu:27017/tenantpay',
        big2: 'mongodb+srv://user:pw@cluster0.example.net/tp',
      }),
    });
    expect({ ...config.mongodb.placements }).toEqual({
      'eu-bank-1': 'mongodb://db-eu:27017/tenantpay',
      big2: 'mongodb+srv://user:pw@cluster0.example.net/tp',
    });
    expect(Object.isFrozen(config.mongodb.placements)).toBe(true);
  });

  it('refuses text that is not a JSON object', () => {
    for (const raw of ['{not json', '[]', '"mongodb://x"', 'null', '42']) {
      expect(bootProblems(raw)).toEqual([expect.stringMatching(/^MONGODB_PLACEMENTS must be a JSON object/)]);
    }
  });

  it('reserves "shared" for MONGODB_URI', () => {
    expect(bootProblems(JSON.stringify({ shared: 'mongodb://other/db' }))).toEqual([
      expect.stringMatching(/may not name "shared"/),
    ]);
  });

  it.each(['Big', 'bank_1', '-bank', 'bank-', '', 'a'.repeat(64), 'bank.eu', '__proto__'])(
    'refuses the name %j',
    (name) => {
      expect(bootProblems(`{${JSON.stringify(name)}: "mongodb://db/x"}`)).toEqual([
        expect.stringMatching(/must be a DNS label/),
      ]);
    },
  );

  it('refuses a value that is not a MongoDB URI without echoing it', () => {
    const problems = bootProblems(JSON.stringify({ big: 'postgres://user:s3cret@db/x', other: 42 }));
    expect(problems).toEqual([
      'MONGODB_PLACEMENTS "big" must be a mongodb:// or mongodb+srv:// connection string',
      'MONGODB_PLACEMENTS "other" must be a mongodb:// or mongodb+srv:// connection string',
    ]);
    expect(problems.join(' ')).not.toContain('s3cret');
  });

  it('reads an unset variable as no placements', () => {
    expect(parseMongodbPlacements(undefined)).toEqual({ placements: {}, problems: [] });
  });
});

describe('MONGODB_PLACEMENT_IDLE_MS and MONGODB_PLACEMENT_MAX_OPEN', () => {
  it('default to five minutes and eight open placements', () => {
    const { mongodb } = loadConfig(valid);
    expect([mongodb.placementIdleMs, mongodb.maxOpenPlacements]).toEqual([300_000, 8]);
  });

  it('refuse values out of range', () => {
    expect(() => loadConfig({ ...valid, MONGODB_PLACEMENT_IDLE_MS: '10' })).toThrow(ConfigValidationError);
    expect(() => loadConfig({ ...valid, MONGODB_PLACEMENT_MAX_OPEN: '0' })).toThrow(ConfigValidationError);
  });
});
