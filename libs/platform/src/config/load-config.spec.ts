import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ConfigValidationError } from './config-validation.error';
import { loadConfig } from './load-config';

const KEY_A = 'a'.repeat(32);
/** Shaped like a certificate; loadConfig checks the shape only, Node's TLS checks the rest when it connects. */
const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const KEY_B = 'b'.repeat(48);
const valid = {
  MONGODB_URI: 'mongodb://127.0.0.1:27017/tenantpay',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SIGNING_KEYS: `k1:${KEY_A}`,
  PAYMENTS_GATEWAY: 'simulated',
  SMTP_URL: 'smtp://mail.test:25',
};
/** Production tests that are about something else accept the simulator deliberately. */
const SIMULATOR_ALLOWED = { PAYMENTS_ALLOW_SIMULATED_GATEWAY_IN_PRODUCTION: 'true' };
/** Production requires it; the tests of other production rules set it so only their own problem shows. */
const MFA_KEY = Buffer.alloc(32, 9).toString('base64');
const MFA_KEY_SET = { MFA_SECRET_ENCRYPTION_KEY: MFA_KEY };

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
      http: {
        host: '0.0.0.0',
        port: 3000,
        bodyLimitBytes: 1048576,
        bulkBodyLimitBytes: 16777216,
        trustProxyHops: 0,
        metricsPort: 9463,
      },
      admission: {
        maxInFlight: 32,
        minInFlight: 2,
        maxInFlightPerTenant: 8,
        queuedRequests: 2,
        maxEventLoopDelayMs: 200,
        retryAfterSeconds: 1,
      },
      tenancy: { baseDomain: 'localhost' },
      auth: {
        jwtKeys: [{ id: 'k1', secret: KEY_A }],
        activeJwtKeyId: 'k1',
        accessTokenTtlSeconds: 900,
        sessionIdleTimeoutSeconds: 43_200,
        sessionMaxLifetimeSeconds: 604_800,
        endedCredentialRetentionDays: 30,
      },
      mail: {
        smtpUrl: 'smtp://mail.test:25',
        fromAddress: 'no-reply@localhost',
        devMailboxDir: null,
        tenantLinkScheme: 'https',
        tenantLinkPort: null,
      },
      invitations: { ttlSeconds: 604_800 },
      passwordHashing: { memoryKib: 19_456, iterations: 2 },
      mfa: { secretEncryptionKey: expect.any(Buffer) },
      webhooks: { secretEncryptionKey: null, allowedHosts: [] },
      payments: {
        gateway: 'simulated',
        gatewayWebhookSecret: null,
        gatewayWebhookToleranceSeconds: 300,
        idempotencyTtlSeconds: 86400,
        idempotencyLeaseSeconds: 5,
        redisBudgetMs: 300,
        processing: {
          attempts: 6,
          backoffDelayMs: 1000,
          backoffJitter: 0.5,
          concurrency: 10,
          lockDurationMs: 30000,
          stalledIntervalMs: 30000,
          deadLetterRetentionSeconds: 604800,
          deadLetterMaxCount: 10000,
        },
        maintenance: {
          stuckPendingGraceSeconds: 300,
          sweepIntervalMs: 60000,
          stuckProcessingGraceSeconds: 300,
          approvalExpirySeconds: 604800,
        },
        simulatedGateway: { latencyMs: 50, transientFailureRate: 0 },
      },
      rateLimit: { failMode: 'open' },
      quota: { holdSeconds: 60, batchHoldSeconds: 86400 },
      offboarding: {
        archiveDir: expect.stringMatching(/\/var\/offboarding$/),
        retentionDays: 30,
        archiveRetentionDays: 90,
        sweepIntervalMs: 60000,
      },
      placementMove: {
        maxFreezeMs: 5000,
        writeLeaseMs: 1000,
        clockSkewMs: 5000,
        cacheStalenessMs: 20000,
        batchSize: 1000,
        freezeThreshold: 500,
        maxCatchUpPasses: 20,
        freezeAttempts: 3,
        retentionHours: 168,
      },
      worker: { metricsPort: 9464 },
      localRun: { dataDir: '.data' },
      mongodb: {
        uri: valid.MONGODB_URI,
        placements: {},
        placementIdleMs: 300000,
        maxOpenPlacements: 8,
        autoIndex: true,
        timeouts: {
          serverSelectionMs: 1000,
          connectMs: 1000,
          socketMs: 900,
          maxTimeMs: 700,
          waitQueueMs: 1000,
          transactionMs: 3000,
        },
      },
      redis: { kind: 'standalone', url: valid.REDIS_URL },
      log: { level: 'info' },
      shutdownGraceMs: 10000,
      shutdownReadinessDelayMs: 0,
    });
  });

  it('converts numeric variables', () => {
    const config = loadConfig({
      ...valid,
      API_PORT: '8080',
      HTTP_BODY_LIMIT_BYTES: '2048',
      HTTP_BULK_BODY_LIMIT_BYTES: '4096',
      SHUTDOWN_GRACE_MS: '0',
      WORKER_METRICS_PORT: '9100',
    });
    expect(config.http.port).toBe(8080);
    expect(config.worker.metricsPort).toBe(9100);
    expect(config.http.bodyLimitBytes).toBe(2048);
    expect(config.http.bulkBodyLimitBytes).toBe(4096);
    expect(config.shutdownGraceMs).toBe(0);
  });

  it('names each missing required variable on its own line', () => {
    const problems = problemsOf({});
    expect(problems).toHaveLength(4);
    expect(problems.some((p) => p.startsWith('PAYMENTS_GATEWAY '))).toBe(true);
    expect(problems.some((p) => p.startsWith('MONGODB_URI '))).toBe(true);
    expect(problems.some((p) => p.startsWith('REDIS_URL '))).toBe(true);
    expect(problems.some((p) => p.startsWith('JWT_SIGNING_KEYS '))).toBe(true);
  });

  it('takes a Redis Cluster from REDIS_CLUSTER_NODES instead of REDIS_URL, never both', () => {
    const { REDIS_URL: _standalone, ...withoutRedisUrl } = valid;
    expect(
      loadConfig({ ...withoutRedisUrl, REDIS_CLUSTER_NODES: '10.0.0.1:7000,redis-2.internal:7001' }).redis,
    ).toEqual({
      kind: 'cluster',
      nodes: [
        { host: '10.0.0.1', port: 7000 },
        { host: 'redis-2.internal', port: 7001 },
      ],
    });
    expect(problemsOf({ ...valid, REDIS_CLUSTER_NODES: '10.0.0.1:7000' })).toEqual([
      expect.stringMatching(/^REDIS_URL and REDIS_CLUSTER_NODES are mutually exclusive/),
    ]);
    expect(problemsOf({ ...withoutRedisUrl, REDIS_CLUSTER_NODES: 'redis://10.0.0.1:7000' })).toEqual([
      expect.stringMatching(/^REDIS_CLUSTER_NODES must be comma-separated host:port/),
    ]);
  });

  describe('Redis credentials and TLS', () => {
    const { REDIS_URL: _standalone, ...withoutRedisUrl } = valid;
    const cluster = { ...withoutRedisUrl, REDIS_CLUSTER_NODES: '10.0.0.1:7000' };
    let caDir: string;
    beforeAll(() => {
      caDir = mkdtempSync(join(tmpdir(), 'redis-ca-'));
      writeFileSync(join(caDir, 'ca.pem'), PEM);
      writeFileSync(join(caDir, 'not-a-certificate.txt'), 'hello');
    });
    afterAll(() => rmSync(caDir, { recursive: true, force: true }));

    it('signs in to either topology with REDIS_USERNAME and REDIS_PASSWORD', () => {
      const credentials = { REDIS_USERNAME: 'tenantpay', REDIS_PASSWORD: 's3cret' };
      expect(loadConfig({ ...valid, ...credentials }).redis).toEqual({
        kind: 'standalone',
        url: valid.REDIS_URL,
        security: { username: 'tenantpay', password: 's3cret' },
      });
      expect(loadConfig({ ...cluster, REDIS_PASSWORD: 's3cret' }).redis).toMatchObject({
        kind: 'cluster',
        security: { password: 's3cret' },
      });
    });

    it('refuses a user without a password', () => {
      expect(problemsOf({ ...cluster, REDIS_USERNAME: 'tenantpay' })).toEqual([
        expect.stringMatching(/^REDIS_USERNAME needs REDIS_PASSWORD/),
      ]);
    });

    it('turns TLS on with REDIS_TLS or a rediss:// URL, with the authorities of REDIS_TLS_CA_FILE', () => {
      const caFile = join(caDir, 'ca.pem');
      expect(loadConfig({ ...cluster, REDIS_TLS: 'true', REDIS_TLS_CA_FILE: caFile }).redis).toMatchObject({
        security: { tls: { ca: PEM } },
      });
      expect(loadConfig({ ...valid, REDIS_URL: 'rediss://redis.internal:6380' }).redis).toMatchObject({
        security: { tls: {} },
      });
      expect(loadConfig(cluster).redis).not.toHaveProperty('security');
    });

    it('refuses a CA file it cannot use, or one given while TLS is off', () => {
      expect(problemsOf({ ...cluster, REDIS_TLS_CA_FILE: join(caDir, 'ca.pem') })).toEqual([
        expect.stringMatching(/^REDIS_TLS_CA_FILE is set but TLS is off/),
      ]);
      expect(
        problemsOf({ ...cluster, REDIS_TLS: 'true', REDIS_TLS_CA_FILE: join(caDir, 'missing.pem') }),
      ).toEqual(['REDIS_TLS_CA_FILE cannot be read (ENOENT)']);
      expect(
        problemsOf({
          ...cluster,
          REDIS_TLS: 'true',
          REDIS_TLS_CA_FILE: join(caDir, 'not-a-certificate.txt'),
        }),
      ).toEqual([expect.stringMatching(/^REDIS_TLS_CA_FILE must be a PEM file/)]);
      expect(problemsOf({ ...cluster, REDIS_TLS: 'yes' })).toEqual(['REDIS_TLS must be true or false']);
    });
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
    ['WORKER_METRICS_PORT', '65536'],
    ['WORKER_METRICS_PORT', 'metrics'],
    ['MONGODB_URI', 'postgres://localhost/db'],
    ['REDIS_URL', 'http://localhost:6379'],
    ['LOG_LEVEL', 'verbose'],
    ['HTTP_BODY_LIMIT_BYTES', '10'],
    ['HTTP_BULK_BODY_LIMIT_BYTES', '52428801'],
    ['SHUTDOWN_GRACE_MS', '-1'],
    ['SHUTDOWN_READINESS_DELAY_MS', '60001'],
    ['METRICS_PORT', '65536'],
    ['ADMISSION_MAX_IN_FLIGHT', '0'],
    ['ADMISSION_MAX_IN_FLIGHT_PER_TENANT', 'many'],
    ['ADMISSION_MIN_IN_FLIGHT', '0'],
    ['ADMISSION_QUEUED_REQUESTS', '0'],
    ['ADMISSION_MAX_EVENT_LOOP_DELAY_MS', '5'],
    ['ADMISSION_RETRY_AFTER_SECONDS', '0'],
    ['TRUST_PROXY_HOPS', '11'],
    ['RATE_LIMIT_FAIL_MODE', 'sometimes'],
    ['WEBHOOK_SECRET_ENCRYPTION_KEY', 'c2hvcnQ='],
    ['WEBHOOK_ALLOWED_HOSTS', 'a b'],
    ['BASE_DOMAIN', 'Bad_Domain'],
    ['JWT_SIGNING_KEYS', 'k1:short'],
    ['JWT_SIGNING_KEYS', 'no-separator'],
    ['JWT_ACCESS_TOKEN_TTL_SECONDS', '4'],
    ['SESSION_IDLE_TIMEOUT_SECONDS', '59'],
    ['SESSION_MAX_LIFETIME_SECONDS', 'a week'],
    ['ENDED_CREDENTIAL_RETENTION_DAYS', '0'],
    ['ENDED_CREDENTIAL_RETENTION_DAYS', '3651'],
    ['PAYMENTS_GATEWAY_WEBHOOK_SECRET', 'too-short'],
    ['PAYMENTS_GATEWAY_WEBHOOK_SECRET', `${'s'.repeat(32)} with spaces`],
    ['PAYMENTS_GATEWAY_WEBHOOK_TOLERANCE_SECONDS', '5'],
    ['PAYMENTS_IDEMPOTENCY_TTL_SECONDS', '60'],
    ['PAYMENTS_IDEMPOTENCY_LEASE_SECONDS', 'a minute'],
    ['PAYMENTS_IDEMPOTENCY_LEASE_SECONDS', '120'],
    ['PAYMENTS_REDIS_BUDGET_MS', '0'],
    ['MONGODB_SERVER_SELECTION_TIMEOUT_MS', '10'],
    ['MONGODB_CONNECT_TIMEOUT_MS', 'soon'],
    ['MONGODB_SOCKET_TIMEOUT_MS', '0'],
    ['MONGODB_MAX_TIME_MS', '1.5'],
    ['MONGODB_WAIT_QUEUE_TIMEOUT_MS', '-1'],
    ['MONGODB_TRANSACTION_TIMEOUT_MS', '999999'],
    ['PAYMENTS_JOB_ATTEMPTS', '0'],
    ['PAYMENTS_JOB_ATTEMPTS', '2.5'],
    ['PAYMENTS_JOB_BACKOFF_MS', '1'],
    ['PAYMENTS_JOB_BACKOFF_JITTER', '1.5'],
    ['PAYMENTS_JOB_BACKOFF_JITTER', 'half'],
    ['PAYMENTS_WORKER_CONCURRENCY', '0'],
    ['PAYMENTS_JOB_LOCK_DURATION_MS', '10'],
    ['PAYMENTS_JOB_STALLED_INTERVAL_MS', '-1'],
    ['PAYMENTS_DEAD_LETTER_RETENTION_SECONDS', '10'],
    ['PAYMENTS_DEAD_LETTER_MAX_COUNT', '1'],
    ['PAYMENTS_STUCK_PENDING_GRACE_SECONDS', '0'],
    ['PAYMENTS_STUCK_PROCESSING_GRACE_SECONDS', '0'],
    ['PAYMENTS_APPROVAL_EXPIRY_SECONDS', '59'],
    ['PAYMENTS_GATEWAY', 'stripe'],
    ['PAYMENTS_ALLOW_SIMULATED_GATEWAY_IN_PRODUCTION', 'yes'],
    ['PAYMENTS_SWEEP_INTERVAL_MS', '10'],
    ['OFFBOARD_RETENTION_DAYS', '0'],
    ['OFFBOARD_RETENTION_DAYS', 'soon'],
    ['OFFBOARD_ARCHIVE_RETENTION_DAYS', '0'],
    ['OFFBOARD_ARCHIVE_RETENTION_DAYS', '1.5'],
    ['OFFBOARD_SWEEP_INTERVAL_MS', '5'],
    ['OFFBOARD_ARCHIVE_DIR', '  '],
    ['SIMULATED_GATEWAY_LATENCY_MS', '-5'],
    ['SIMULATED_GATEWAY_TRANSIENT_FAILURE_RATE', '2'],
    ['PLACEMENT_MOVE_MAX_FREEZE_MS', '50'],
    ['PLACEMENT_MOVE_MAX_FREEZE_MS', 'forever'],
    ['PLACEMENT_MOVE_WRITE_LEASE_MS', '0'],
    ['PLACEMENT_MOVE_BATCH_SIZE', '0'],
    ['PLACEMENT_MOVE_FREEZE_ATTEMPTS', '21'],
    ['PLACEMENT_MOVE_RETENTION_HOURS', '-1'],
  ])('refuses %s=%s and names it', (name, value) => {
    const problems = problemsOf({ ...valid, [name]: value });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.startsWith(`${name} `))).toBe(true);
  });

  it('reports every bad variable at once', () => {
    const problems = problemsOf({ ...valid, MONGODB_URI: 'nope', REDIS_URL: 'nope', API_PORT: '-5' });
    expect(new Set(problems.map((p) => p.split(' ')[0]))).toEqual(
      new Set(['MONGODB_URI', 'REDIS_URL', 'API_PORT']),
    );
  });

  it('never echoes a value, which may hold credentials', () => {
    const problems = problemsOf({
      ...valid,
      MONGODB_URI: 'mysql://user:s3cret@db',
      JWT_SIGNING_KEYS: 'k1:s3cret',
      PAYMENTS_GATEWAY_WEBHOOK_SECRET: 's3cret',
    });
    expect(problems.join('\n')).not.toContain('s3cret');
  });

  it('reads several signing keys and the active one', () => {
    const config = loadConfig({
      ...valid,
      JWT_SIGNING_KEYS: `k1:${KEY_A},k2:${KEY_B}`,
      JWT_ACTIVE_KEY_ID: 'k2',
    });
    expect(config.auth.jwtKeys).toEqual([
      { id: 'k1', secret: KEY_A },
      { id: 'k2', secret: KEY_B },
    ]);
    expect(config.auth.activeJwtKeyId).toBe('k2');
  });

  it('refuses an active key id that names no key', () => {
    expect(problemsOf({ ...valid, JWT_ACTIVE_KEY_ID: 'k9' })).toEqual([
      expect.stringMatching(/^JWT_ACTIVE_KEY_ID /),
    ]);
  });

  it('refuses a tenant share of admission larger than the instance', () => {
    expect(
      problemsOf({ ...valid, ADMISSION_MAX_IN_FLIGHT: '8', ADMISSION_MAX_IN_FLIGHT_PER_TENANT: '9' }),
    ).toEqual([expect.stringMatching(/^ADMISSION_MAX_IN_FLIGHT_PER_TENANT /)]);
  });

  it('refuses an adaptive admission floor above the ceiling', () => {
    expect(
      problemsOf({
        ...valid,
        ADMISSION_MAX_IN_FLIGHT: '4',
        ADMISSION_MAX_IN_FLIGHT_PER_TENANT: '4',
        ADMISSION_MIN_IN_FLIGHT: '5',
      }),
    ).toEqual([expect.stringMatching(/^ADMISSION_MIN_IN_FLIGHT /)]);
  });

  it('requires SMTP_URL in production and refuses the development mailbox there', () => {
    const production = {
      ...valid,
      NODE_ENV: 'production',
      WEBHOOK_SECRET_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      PAYMENTS_GATEWAY_WEBHOOK_SECRET: 'g'.repeat(40),
      ...SIMULATOR_ALLOWED,
      ...MFA_KEY_SET,
    };
    expect(problemsOf({ ...production, SMTP_URL: undefined })).toEqual([
      expect.stringMatching(/^SMTP_URL is required/),
    ]);
    expect(problemsOf({ ...production, DEV_MAILBOX_DIR: '/tmp/mailbox' })).toEqual([
      expect.stringMatching(/^DEV_MAILBOX_DIR is refused in production/),
    ]);
    expect(problemsOf({ ...valid, SMTP_URL: 'http://mail.test' })).toEqual([
      expect.stringMatching(/^SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/),
    ]);
    expect(loadConfig({ ...valid, SMTP_URL: undefined, DEV_MAILBOX_DIR: '/tmp/mailbox' }).mail).toEqual(
      expect.objectContaining({ smtpUrl: null, devMailboxDir: '/tmp/mailbox' }),
    );
  });

  it('refuses a key id used twice', () => {
    expect(problemsOf({ ...valid, JWT_SIGNING_KEYS: `k1:${KEY_A},k1:${KEY_B}` })).toEqual([
      expect.stringMatching(/^JWT_SIGNING_KEYS /),
    ]);
  });

  it('requires the webhook secret key in production only', () => {
    const gatewaySecret = {
      PAYMENTS_GATEWAY_WEBHOOK_SECRET: 'g'.repeat(40),
      ...SIMULATOR_ALLOWED,
      ...MFA_KEY_SET,
    };
    expect(problemsOf({ ...valid, ...gatewaySecret, NODE_ENV: 'production' })).toEqual([
      expect.stringMatching(/^WEBHOOK_SECRET_ENCRYPTION_KEY /),
    ]);
    const key = Buffer.alloc(32, 7).toString('base64');
    const config = loadConfig({
      ...valid,
      ...gatewaySecret,
      NODE_ENV: 'production',
      WEBHOOK_SECRET_ENCRYPTION_KEY: key,
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1,localhost',
    });
    expect(config.webhooks).toEqual({ secretEncryptionKey: key, allowedHosts: ['127.0.0.1', 'localhost'] });
  });

  it('requires the MFA secret key in production only, and uses a fixed development key elsewhere', () => {
    const production = {
      ...valid,
      ...SIMULATOR_ALLOWED,
      NODE_ENV: 'production',
      WEBHOOK_SECRET_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      PAYMENTS_GATEWAY_WEBHOOK_SECRET: 'g'.repeat(40),
    };
    expect(problemsOf(production)).toEqual([expect.stringMatching(/^MFA_SECRET_ENCRYPTION_KEY is required/)]);
    expect(loadConfig({ ...production, ...MFA_KEY_SET }).mfa.secretEncryptionKey).toEqual(
      Buffer.from(MFA_KEY, 'base64'),
    );
    expect(problemsOf({ ...valid, MFA_SECRET_ENCRYPTION_KEY: 'c2hvcnQ=' })).toEqual([
      expect.stringMatching(/^MFA_SECRET_ENCRYPTION_KEY must be the base64 encoding of exactly 32 bytes/),
    ]);
    const development = loadConfig({ ...valid, NODE_ENV: 'development' }).mfa.secretEncryptionKey;
    expect(development).toHaveLength(32);
    // Every instance of a development deployment must read the secrets the others wrote.
    expect(loadConfig({ ...valid, NODE_ENV: 'test' }).mfa.secretEncryptionKey).toEqual(development);
  });

  it('hashes passwords at the OWASP cost by default, and only NODE_ENV=test may go below it', () => {
    expect(loadConfig(valid).passwordHashing).toEqual({ memoryKib: 19_456, iterations: 2 });
    const cheap = { PASSWORD_HASH_MEMORY_KIB: '1024', PASSWORD_HASH_ITERATIONS: '1' };
    expect(loadConfig({ ...valid, ...cheap, NODE_ENV: 'test' }).passwordHashing).toEqual({
      memoryKib: 1024,
      iterations: 1,
    });
    const refusal =
      /^PASSWORD_HASH_MEMORY_KIB and PASSWORD_HASH_ITERATIONS below 19456 and 2 .* refused outside NODE_ENV=test$/;
    expect(problemsOf({ ...valid, PASSWORD_HASH_MEMORY_KIB: '19455' })).toEqual([
      expect.stringMatching(refusal),
    ]);
    expect(problemsOf({ ...valid, PASSWORD_HASH_ITERATIONS: '1', NODE_ENV: 'development' })).toEqual([
      expect.stringMatching(refusal),
    ]);
    expect(
      loadConfig({ ...valid, PASSWORD_HASH_MEMORY_KIB: '65536', PASSWORD_HASH_ITERATIONS: '3' })
        .passwordHashing,
    ).toEqual({ memoryKib: 65_536, iterations: 3 });
    expect(problemsOf({ ...valid, ...cheap, PASSWORD_HASH_MEMORY_KIB: '512', NODE_ENV: 'test' })).toEqual([
      expect.stringMatching(/^PASSWORD_HASH_MEMORY_KIB must be between 1024 and 4194304 KiB/),
    ]);
  });

  it('builds indexes at start outside production only, unless told otherwise', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const production = {
      ...valid,
      NODE_ENV: 'production',
      WEBHOOK_SECRET_ENCRYPTION_KEY: key,
      PAYMENTS_GATEWAY_WEBHOOK_SECRET: 'g'.repeat(40),
      ...SIMULATOR_ALLOWED,
      ...MFA_KEY_SET,
    };
    expect(loadConfig({ ...valid, NODE_ENV: 'test' }).mongodb.autoIndex).toBe(true);
    expect(loadConfig(production).mongodb.autoIndex).toBe(false);
    expect(loadConfig({ ...production, MONGODB_AUTO_INDEX: 'true' }).mongodb.autoIndex).toBe(true);
    expect(loadConfig({ ...valid, MONGODB_AUTO_INDEX: 'false' }).mongodb.autoIndex).toBe(false);
    expect(problemsOf({ ...valid, MONGODB_AUTO_INDEX: 'yes' })).toEqual([
      expect.stringMatching(/^MONGODB_AUTO_INDEX must be true or false/),
    ]);
  });

  it('requires the gateway webhook secret in production only, and maps the payments variables', () => {
    const encryptionKey = Buffer.alloc(32, 7).toString('base64');
    expect(
      problemsOf({
        ...valid,
        ...SIMULATOR_ALLOWED,
        ...MFA_KEY_SET,
        NODE_ENV: 'production',
        WEBHOOK_SECRET_ENCRYPTION_KEY: encryptionKey,
      }),
    ).toEqual([expect.stringMatching(/^PAYMENTS_GATEWAY_WEBHOOK_SECRET /)]);
    const secret = 'g'.repeat(40);
    const config = loadConfig({
      ...valid,
      NODE_ENV: 'production',
      WEBHOOK_SECRET_ENCRYPTION_KEY: encryptionKey,
      PAYMENTS_GATEWAY_WEBHOOK_SECRET: secret,
      ...SIMULATOR_ALLOWED,
      ...MFA_KEY_SET,
      PAYMENTS_JOB_ATTEMPTS: '3',
      PAYMENTS_JOB_BACKOFF_JITTER: '0.25',
      PAYMENTS_STUCK_PENDING_GRACE_SECONDS: '120',
      SIMULATED_GATEWAY_TRANSIENT_FAILURE_RATE: '0.1',
    });
    expect(config.payments.gatewayWebhookSecret).toBe(secret);
    expect(config.payments.processing.attempts).toBe(3);
    expect(config.payments.processing.backoffJitter).toBe(0.25);
    expect(config.payments.maintenance.stuckPendingGraceSeconds).toBe(120);
    expect(config.payments.simulatedGateway.transientFailureRate).toBe(0.1);
  });

  it('refuses the simulated gateway in production unless deliberately allowed', () => {
    const production = {
      ...valid,
      NODE_ENV: 'production',
      WEBHOOK_SECRET_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      PAYMENTS_GATEWAY_WEBHOOK_SECRET: 'g'.repeat(40),
      ...MFA_KEY_SET,
    };
    expect(problemsOf(production)).toEqual([expect.stringMatching(/^PAYMENTS_GATEWAY=simulated is refused/)]);
    expect(
      problemsOf({ ...production, PAYMENTS_ALLOW_SIMULATED_GATEWAY_IN_PRODUCTION: 'false' }),
    ).toHaveLength(1);
    expect(loadConfig({ ...production, ...SIMULATOR_ALLOWED }).payments.gateway).toBe('simulated');
  });

  it('ignores variables it does not know', () => {
    expect(() => loadConfig({ ...valid, PATH: '/usr/bin', HOME: '/root' })).not.toThrow();
  });
});
