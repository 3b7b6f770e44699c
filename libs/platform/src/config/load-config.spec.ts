import { ConfigValidationError } from './config-validation.error';
import { loadConfig } from './load-config';

const valid = { MONGODB_URI: 'mongodb://127.0.0.1:27017/tenantpay', REDIS_URL: 'redis://127.0.0.1:6379' };

function problemsOf(environment: Record<string, string | undefined>): readonly string[] {
  try {
    loadConfig(environment);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('loadConfig', () => {
  it('maps a valid environment to the typed config with defaults', () => {
    expect(loadConfig(valid)).toEqual({
      env: 'development',
      http: { host: '0.0.0.0', port: 3000, bodyLimitBytes: 1048576 },
      mongodb: { uri: valid.MONGODB_URI },
      redis: { url: valid.REDIS_URL },
      log: { level: 'info' },
      shutdownGraceMs: 10000,
    });
  });

  it('converts numeric variables', () => {
    const config = loadConfig({
      ...valid,
      API_PORT: '8080',
      HTTP_BODY_LIMIT_BYTES: '2048',
      SHUTDOWN_GRACE_MS: '0',
    });
    expect(config.http.port).toBe(8080);
    expect(config.http.bodyLimitBytes).toBe(2048);
    expect(config.shutdownGraceMs).toBe(0);
  });

  it('names each missing required variable on its own line', () => {
    const problems = problemsOf({});
    expect(problems).toHaveLength(2);
    expect(problems.some((p) => p.startsWith('MONGODB_URI '))).toBe(true);
    expect(problems.some((p) => p.startsWith('REDIS_URL '))).toBe(true);
  });

  it('treats an empty value as unset', () => {
    expect(problemsOf({ ...valid, MONGODB_URI: '' })).toEqual([expect.stringMatching(/^MONGODB_URI /)]);
    expect(loadConfig({ ...valid, API_PORT: '' }).http.port).toBe(3000);
  });

  it.each([
    ['NODE_ENV', 'staging'],
    ['API_HOST', 'bad host'],
    ['API_PORT', '70000'],
    ['API_PORT', 'eighty'],
    ['MONGODB_URI', 'postgres://localhost/db'],
    ['REDIS_URL', 'http://localhost:6379'],
    ['LOG_LEVEL', 'verbose'],
    ['HTTP_BODY_LIMIT_BYTES', '10'],
    ['SHUTDOWN_GRACE_MS', '-1'],
  ])('refuses %s=%s and names it', (name, value) => {
    const problems = problemsOf({ ...valid, [name]: value });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.startsWith(`${name} `))).toBe(true);
  });

  it('reports every bad variable at once', () => {
    const problems = problemsOf({ MONGODB_URI: 'nope', REDIS_URL: 'nope', API_PORT: '-5' });
    expect(new Set(problems.map((p) => p.split(' ')[0]))).toEqual(
      new Set(['MONGODB_URI', 'REDIS_URL', 'API_PORT']),
    );
  });

  it('never echoes a value, which may hold credentials', () => {
    const problems = problemsOf({ ...valid, MONGODB_URI: 'mysql://user:s3cret@db' });
    expect(problems.join('\n')).not.toContain('s3cret');
  });

  it('ignores variables it does not know', () => {
    expect(() => loadConfig({ ...valid, PATH: '/usr/bin', HOME: '/root' })).not.toThrow();
  });
});
