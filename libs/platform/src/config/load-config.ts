import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AppConfig, RedisSecurity, RedisTopology } from './app-config';
import { ConfigValidationError } from './config-validation.error';
import { EnvironmentVariables } from './environment-variables';
import { parseMongodbPlacements } from './parse-mongodb-placements';
import { PASSWORD_HASH_MINIMUM } from './password-hash-minimum.constant';

type Environment = Record<string, string | undefined>;

/**
 * Outside production only (production refuses to start without MFA_SECRET_ENCRYPTION_KEY): a fixed, public
 * key, so that every instance of a development or test deployment reads the TOTP secrets the others wrote
 * (a random key per process, as webhooks use in `npm start`, would lock users out across a restart).
 */
const DEVELOPMENT_MFA_SECRET_ENCRYPTION_KEY = Buffer.alloc(32, 'tenantpay-development-only-mfa-key').toString(
  'base64',
);

/**
 * Validates the environment once and maps it to the typed config. Empty strings count as unset so
 * that `FOO=` in an env file falls back to the default instead of failing obscurely.
 */
export function loadConfig(environment: Environment): AppConfig {
  const known = Object.keys(new EnvironmentVariables());
  const relevant = Object.fromEntries(
    Object.entries(environment).filter(
      ([name, value]) => known.includes(name) && value !== undefined && value !== '',
    ),
  );
  const variables = plainToInstance(EnvironmentVariables, relevant, { exposeDefaultValues: true });
  const errors = validateSync(variables, {
    whitelist: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
  });
  if (errors.length > 0) {
    const problems = errors.flatMap((error) =>
      Object.values(error.constraints ?? {}).map((message) => `${error.property} ${message}`),
    );
    throw new ConfigValidationError(problems);
  }
  const jwtKeys = variables.JWT_SIGNING_KEYS.split(',').map((pair) => {
    const separator = pair.indexOf(':');
    return { id: pair.slice(0, separator), secret: pair.slice(separator + 1) };
  });
  const activeJwtKeyId = variables.JWT_ACTIVE_KEY_ID ?? jwtKeys[0]?.id ?? '';
  const keyProblems: string[] = [
    ...(new Set(jwtKeys.map((key) => key.id)).size !== jwtKeys.length
      ? ['JWT_SIGNING_KEYS has a key id twice']
      : []),
    ...(jwtKeys.some((key) => key.id === activeJwtKeyId)
      ? []
      : ['JWT_ACTIVE_KEY_ID must be the id of one of JWT_SIGNING_KEYS']),
  ];
  if (variables.REDIS_URL !== undefined && variables.REDIS_CLUSTER_NODES !== undefined) {
    keyProblems.push(
      'REDIS_URL and REDIS_CLUSTER_NODES are mutually exclusive: set REDIS_URL for one Redis server, REDIS_CLUSTER_NODES for a Redis Cluster',
    );
  }
  if (variables.REDIS_USERNAME !== undefined && variables.REDIS_PASSWORD === undefined) {
    keyProblems.push('REDIS_USERNAME needs REDIS_PASSWORD (the ACL user signs in with both)');
  }
  const redisTls = variables.REDIS_TLS === 'true' || (variables.REDIS_URL?.startsWith('rediss://') ?? false);
  if (variables.REDIS_TLS_CA_FILE !== undefined && !redisTls) {
    keyProblems.push(
      'REDIS_TLS_CA_FILE is set but TLS is off: set REDIS_TLS=true or use a rediss:// REDIS_URL',
    );
  }
  const redisCa = redisTls ? readCertificateAuthorities(variables.REDIS_TLS_CA_FILE, keyProblems) : undefined;
  if (variables.NODE_ENV === 'production' && variables.WEBHOOK_SECRET_ENCRYPTION_KEY === undefined) {
    keyProblems.push('WEBHOOK_SECRET_ENCRYPTION_KEY is required in production (base64 of 32 random bytes)');
  }
  if (variables.NODE_ENV === 'production' && variables.MFA_SECRET_ENCRYPTION_KEY === undefined) {
    keyProblems.push('MFA_SECRET_ENCRYPTION_KEY is required in production (base64 of 32 random bytes)');
  }
  if (variables.NODE_ENV === 'production' && variables.PAYMENTS_GATEWAY_WEBHOOK_SECRET === undefined) {
    keyProblems.push(
      'PAYMENTS_GATEWAY_WEBHOOK_SECRET is required in production (the secret the payment gateway signs webhooks with)',
    );
  }
  if (
    variables.NODE_ENV === 'production' &&
    variables.PAYMENTS_GATEWAY === 'simulated' &&
    variables.PAYMENTS_ALLOW_SIMULATED_GATEWAY_IN_PRODUCTION !== 'true'
  ) {
    keyProblems.push(
      'PAYMENTS_GATEWAY=simulated is refused in production: the simulator moves no money (set PAYMENTS_ALLOW_SIMULATED_GATEWAY_IN_PRODUCTION=true only for a production-like test environment)',
    );
  }
  if (variables.NODE_ENV === 'production' && variables.SMTP_URL === undefined) {
    keyProblems.push(
      'SMTP_URL is required in production (invitations and password resets are sent by email)',
    );
  }
  if (variables.NODE_ENV === 'production' && variables.DEV_MAILBOX_DIR !== undefined) {
    keyProblems.push(
      'DEV_MAILBOX_DIR is refused in production: the development mailbox shows every email sent',
    );
  }
  if (variables.ADMISSION_MAX_IN_FLIGHT_PER_TENANT > variables.ADMISSION_MAX_IN_FLIGHT) {
    keyProblems.push('ADMISSION_MAX_IN_FLIGHT_PER_TENANT must not exceed ADMISSION_MAX_IN_FLIGHT');
  }
  if (variables.ADMISSION_MIN_IN_FLIGHT > variables.ADMISSION_MAX_IN_FLIGHT) {
    keyProblems.push('ADMISSION_MIN_IN_FLIGHT must not exceed ADMISSION_MAX_IN_FLIGHT');
  }
  if (variables.SESSION_IDLE_TIMEOUT_SECONDS > variables.SESSION_MAX_LIFETIME_SECONDS) {
    keyProblems.push('SESSION_IDLE_TIMEOUT_SECONDS must not exceed SESSION_MAX_LIFETIME_SECONDS');
  }
  const placements = parseMongodbPlacements(variables.MONGODB_PLACEMENTS);
  keyProblems.push(...placements.problems);
  if (
    variables.NODE_ENV !== 'test' &&
    (variables.PASSWORD_HASH_MEMORY_KIB < PASSWORD_HASH_MINIMUM.memoryKib ||
      variables.PASSWORD_HASH_ITERATIONS < PASSWORD_HASH_MINIMUM.iterations)
  ) {
    keyProblems.push(
      `PASSWORD_HASH_MEMORY_KIB and PASSWORD_HASH_ITERATIONS below ${PASSWORD_HASH_MINIMUM.memoryKib} and ${PASSWORD_HASH_MINIMUM.iterations} (the OWASP minimum) are refused outside NODE_ENV=test`,
    );
  }
  if (keyProblems.length > 0) throw new ConfigValidationError(keyProblems);
  return {
    env: variables.NODE_ENV,
    http: {
      host: variables.API_HOST,
      port: variables.API_PORT,
      bodyLimitBytes: variables.HTTP_BODY_LIMIT_BYTES,
      bulkBodyLimitBytes: variables.HTTP_BULK_BODY_LIMIT_BYTES,
      trustProxyHops: variables.TRUST_PROXY_HOPS,
      metricsPort: variables.METRICS_PORT,
    },
    admission: {
      maxInFlight: variables.ADMISSION_MAX_IN_FLIGHT,
      minInFlight: variables.ADMISSION_MIN_IN_FLIGHT,
      maxInFlightPerTenant: variables.ADMISSION_MAX_IN_FLIGHT_PER_TENANT,
      queuedRequests: variables.ADMISSION_QUEUED_REQUESTS,
      maxEventLoopDelayMs: variables.ADMISSION_MAX_EVENT_LOOP_DELAY_MS,
      retryAfterSeconds: variables.ADMISSION_RETRY_AFTER_SECONDS,
    },
    tenancy: { baseDomain: variables.BASE_DOMAIN },
    auth: {
      jwtKeys,
      activeJwtKeyId,
      accessTokenTtlSeconds: variables.JWT_ACCESS_TOKEN_TTL_SECONDS,
      sessionIdleTimeoutSeconds: variables.SESSION_IDLE_TIMEOUT_SECONDS,
      sessionMaxLifetimeSeconds: variables.SESSION_MAX_LIFETIME_SECONDS,
      endedCredentialRetentionDays: variables.ENDED_CREDENTIAL_RETENTION_DAYS,
    },
    mail: {
      smtpUrl: variables.SMTP_URL ?? null,
      fromAddress: variables.MAIL_FROM_ADDRESS ?? `no-reply@${variables.BASE_DOMAIN}`,
      devMailboxDir: variables.DEV_MAILBOX_DIR ?? null,
      tenantLinkScheme: variables.TENANT_LINK_SCHEME,
      tenantLinkPort: variables.TENANT_LINK_PORT ?? null,
    },
    invitations: { ttlSeconds: variables.INVITATION_TTL_SECONDS },
    passwordHashing: {
      memoryKib: variables.PASSWORD_HASH_MEMORY_KIB,
      iterations: variables.PASSWORD_HASH_ITERATIONS,
    },
    mfa: {
      secretEncryptionKey: Buffer.from(
        variables.MFA_SECRET_ENCRYPTION_KEY ?? DEVELOPMENT_MFA_SECRET_ENCRYPTION_KEY,
        'base64',
      ),
    },
    webhooks: {
      secretEncryptionKey: variables.WEBHOOK_SECRET_ENCRYPTION_KEY ?? null,
      allowedHosts: (variables.WEBHOOK_ALLOWED_HOSTS ?? '').split(',').filter((host) => host !== ''),
    },
    payments: {
      gateway: variables.PAYMENTS_GATEWAY,
      gatewayWebhookSecret: variables.PAYMENTS_GATEWAY_WEBHOOK_SECRET ?? null,
      gatewayWebhookToleranceSeconds: variables.PAYMENTS_GATEWAY_WEBHOOK_TOLERANCE_SECONDS,
      idempotencyTtlSeconds: variables.PAYMENTS_IDEMPOTENCY_TTL_SECONDS,
      idempotencyLeaseSeconds: variables.PAYMENTS_IDEMPOTENCY_LEASE_SECONDS,
      redisBudgetMs: variables.PAYMENTS_REDIS_BUDGET_MS,
      processing: {
        attempts: variables.PAYMENTS_JOB_ATTEMPTS,
        backoffDelayMs: variables.PAYMENTS_JOB_BACKOFF_MS,
        backoffJitter: variables.PAYMENTS_JOB_BACKOFF_JITTER,
        concurrency: variables.PAYMENTS_WORKER_CONCURRENCY,
        lockDurationMs: variables.PAYMENTS_JOB_LOCK_DURATION_MS,
        stalledIntervalMs: variables.PAYMENTS_JOB_STALLED_INTERVAL_MS,
        deadLetterRetentionSeconds: variables.PAYMENTS_DEAD_LETTER_RETENTION_SECONDS,
        deadLetterMaxCount: variables.PAYMENTS_DEAD_LETTER_MAX_COUNT,
      },
      maintenance: {
        stuckPendingGraceSeconds: variables.PAYMENTS_STUCK_PENDING_GRACE_SECONDS,
        sweepIntervalMs: variables.PAYMENTS_SWEEP_INTERVAL_MS,
        stuckProcessingGraceSeconds: variables.PAYMENTS_STUCK_PROCESSING_GRACE_SECONDS,
        approvalExpirySeconds: variables.PAYMENTS_APPROVAL_EXPIRY_SECONDS,
      },
      simulatedGateway: {
        latencyMs: variables.SIMULATED_GATEWAY_LATENCY_MS,
        transientFailureRate: variables.SIMULATED_GATEWAY_TRANSIENT_FAILURE_RATE,
      },
    },
    rateLimit: { failMode: variables.RATE_LIMIT_FAIL_MODE },
    quota: {
      holdSeconds: variables.QUOTA_HOLD_SECONDS,
      batchHoldSeconds: variables.QUOTA_BATCH_HOLD_SECONDS,
    },
    offboarding: {
      archiveDir: resolve(variables.OFFBOARD_ARCHIVE_DIR),
      retentionDays: variables.OFFBOARD_RETENTION_DAYS,
      archiveRetentionDays: variables.OFFBOARD_ARCHIVE_RETENTION_DAYS,
      sweepIntervalMs: variables.OFFBOARD_SWEEP_INTERVAL_MS,
    },
    placementMove: {
      maxFreezeMs: variables.PLACEMENT_MOVE_MAX_FREEZE_MS,
      writeLeaseMs: variables.PLACEMENT_MOVE_WRITE_LEASE_MS,
      clockSkewMs: variables.PLACEMENT_MOVE_CLOCK_SKEW_MS,
      cacheStalenessMs: variables.PLACEMENT_MOVE_CACHE_STALENESS_MS,
      batchSize: variables.PLACEMENT_MOVE_BATCH_SIZE,
      freezeThreshold: variables.PLACEMENT_MOVE_FREEZE_THRESHOLD,
      maxCatchUpPasses: variables.PLACEMENT_MOVE_MAX_CATCH_UP_PASSES,
      freezeAttempts: variables.PLACEMENT_MOVE_FREEZE_ATTEMPTS,
      retentionHours: variables.PLACEMENT_MOVE_RETENTION_HOURS,
    },
    worker: { metricsPort: variables.WORKER_METRICS_PORT },
    localRun: { dataDir: variables.LOCAL_DATA_DIR },
    mongodb: {
      uri: variables.MONGODB_URI,
      placements: placements.placements,
      placementIdleMs: variables.MONGODB_PLACEMENT_IDLE_MS,
      maxOpenPlacements: variables.MONGODB_PLACEMENT_MAX_OPEN,
      autoIndex: (variables.MONGODB_AUTO_INDEX ?? String(variables.NODE_ENV !== 'production')) === 'true',
      timeouts: {
        serverSelectionMs: variables.MONGODB_SERVER_SELECTION_TIMEOUT_MS,
        connectMs: variables.MONGODB_CONNECT_TIMEOUT_MS,
        socketMs: variables.MONGODB_SOCKET_TIMEOUT_MS,
        maxTimeMs: variables.MONGODB_MAX_TIME_MS,
        waitQueueMs: variables.MONGODB_WAIT_QUEUE_TIMEOUT_MS,
        transactionMs: variables.MONGODB_TRANSACTION_TIMEOUT_MS,
      },
    },
    redis: redisTopology(variables, redisSecurity(variables, redisTls, redisCa)),
    log: { level: variables.LOG_LEVEL },
    shutdownGraceMs: variables.SHUTDOWN_GRACE_MS,
    shutdownReadinessDelayMs: variables.SHUTDOWN_READINESS_DELAY_MS,
  };
}

function redisTopology(variables: EnvironmentVariables, security: RedisSecurity | undefined): RedisTopology {
  const secured = security === undefined ? {} : { security };
  if (variables.REDIS_URL !== undefined) return { kind: 'standalone', url: variables.REDIS_URL, ...secured };
  // Validated: REDIS_CLUSTER_NODES is set whenever REDIS_URL is not.
  const nodes = (variables.REDIS_CLUSTER_NODES ?? '').split(',').map((seed) => {
    const separator = seed.lastIndexOf(':');
    return { host: seed.slice(0, separator), port: Number(seed.slice(separator + 1)) };
  });
  return { kind: 'cluster', nodes, ...secured };
}

function redisSecurity(
  variables: EnvironmentVariables,
  tls: boolean,
  ca: string | undefined,
): RedisSecurity | undefined {
  const security: RedisSecurity = {
    ...(variables.REDIS_USERNAME === undefined ? {} : { username: variables.REDIS_USERNAME }),
    ...(variables.REDIS_PASSWORD === undefined ? {} : { password: variables.REDIS_PASSWORD }),
    ...(tls ? { tls: ca === undefined ? {} : { ca } } : {}),
  };
  return Object.keys(security).length === 0 ? undefined : security;
}

/** Read at boot, so a missing or unreadable file stops the process with the others' problems, not later. */
function readCertificateAuthorities(file: string | undefined, problems: string[]): string | undefined {
  if (file === undefined) return undefined;
  try {
    const pem = readFileSync(file, 'utf8');
    if (pem.includes('-----BEGIN CERTIFICATE-----')) return pem;
    problems.push('REDIS_TLS_CA_FILE must be a PEM file of certificates (-----BEGIN CERTIFICATE-----)');
  } catch (error) {
    problems.push(`REDIS_TLS_CA_FILE cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return undefined;
}

/** For process entry points: print each problem on its own line, without a stack trace, and exit. */
export function loadConfigOrExit(environment: Environment): AppConfig {
  try {
    return loadConfig(environment);
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
