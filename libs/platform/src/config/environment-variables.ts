import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { LOG_LEVELS, type LogLevel, PAYMENT_GATEWAY_KINDS, type PaymentGatewayKind } from './app-config';
import { PASSWORD_HASH_MINIMUM } from './password-hash-minimum.constant';

/**
 * The environment variables the platform reads, with their rules. Messages never echo the value:
 * connection strings carry credentials.
 */
export class EnvironmentVariables {
  @IsOptional()
  @IsIn(['development', 'test', 'production'], { message: 'must be one of development, test, production' })
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsOptional()
  @IsString()
  @Matches(/^[\w.:-]{1,253}$/, { message: 'must be a host name or IP address' })
  API_HOST = '0.0.0.0';

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer port number' })
  @Min(0, { message: 'must be between 0 and 65535' })
  @Max(65535, { message: 'must be between 0 and 65535' })
  API_PORT = 3000;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer port number' })
  @Min(0, { message: 'must be between 0 and 65535' })
  @Max(65535, { message: 'must be between 0 and 65535' })
  WORKER_METRICS_PORT = 9464;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer port number' })
  @Min(0, { message: 'must be between 0 and 65535' })
  @Max(65535, { message: 'must be between 0 and 65535' })
  METRICS_PORT = 9463;

  @IsDefined({ message: 'is required (a mongodb:// or mongodb+srv:// connection string)' })
  @IsString({ message: 'must be a string' })
  @Matches(/^mongodb(\+srv)?:\/\/\S+$/, {
    message: 'must be a mongodb:// or mongodb+srv:// connection string',
  })
  MONGODB_URI!: string;

  /**
   * `npm start` only: the folder its embedded MongoDB and Redis keep their data in (relative paths from the
   * repository root). The apps themselves never read it.
   */
  @IsOptional()
  @IsString({ message: 'must be a folder path' })
  LOCAL_DATA_DIR = '.data';

  /** Unset: on outside production, off in production, where `npm run db:indexes` builds them. */
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  MONGODB_AUTO_INDEX?: 'true' | 'false';

  /** How long an operation waits for a usable server (an unreachable one is known within this). */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(100, { message: 'must be between 100 and 60000 milliseconds' })
  @Max(60000, { message: 'must be between 100 and 60000 milliseconds' })
  MONGODB_SERVER_SELECTION_TIMEOUT_MS = 1_000;

  /** How long opening a connection (and a monitoring check) may take. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(100, { message: 'must be between 100 and 60000 milliseconds' })
  @Max(60000, { message: 'must be between 100 and 60000 milliseconds' })
  MONGODB_CONNECT_TIMEOUT_MS = 1_000;

  /** How long an operation waits for its reply before its connection is dropped (a hung server). */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(100, { message: 'must be between 100 and 600000 milliseconds' })
  @Max(600000, { message: 'must be between 100 and 600000 milliseconds' })
  MONGODB_SOCKET_TIMEOUT_MS = 900;

  /** The server's time limit (maxTimeMS) on every query and aggregation; below the socket timeout so a slow query is stopped by the server first. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(50, { message: 'must be between 50 and 600000 milliseconds' })
  @Max(600000, { message: 'must be between 50 and 600000 milliseconds' })
  MONGODB_MAX_TIME_MS = 700;

  /** How long an operation waits for a free pooled connection. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(50, { message: 'must be between 50 and 60000 milliseconds' })
  @Max(60000, { message: 'must be between 50 and 60000 milliseconds' })
  MONGODB_WAIT_QUEUE_TIMEOUT_MS = 1_000;

  /** How long a transaction may keep retrying after write conflicts before it fails. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(100, { message: 'must be between 100 and 120000 milliseconds' })
  @Max(120000, { message: 'must be between 100 and 120000 milliseconds' })
  MONGODB_TRANSACTION_TIMEOUT_MS = 3_000;

  /**
   * Dedicated MongoDB clusters a tenant may be placed on, as JSON `{ "<name>": "<mongodb uri>" }` (parsed and
   * checked in loadConfig). Unset: every tenant lives in MONGODB_URI's database (the `shared` placement).
   */
  @IsOptional()
  @IsString({ message: 'must be a JSON object { "<name>": "<mongodb uri>" }' })
  MONGODB_PLACEMENTS?: string;

  /** How long a dedicated placement's connection stays open without use before it is closed. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(1000, { message: 'must be between 1000 and 86400000 milliseconds' })
  @Max(86_400_000, { message: 'must be between 1000 and 86400000 milliseconds' })
  MONGODB_PLACEMENT_IDLE_MS = 300_000;

  /** How many dedicated placements one process keeps connections open to at once (each is a pool of its own). */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be between 1 and 64' })
  @Max(64, { message: 'must be between 1 and 64' })
  MONGODB_PLACEMENT_MAX_OPEN = 8;

  /** A standalone Redis; required unless REDIS_CLUSTER_NODES names a cluster (both set is refused in loadConfig). */
  @ValidateIf((variables: EnvironmentVariables) => variables.REDIS_CLUSTER_NODES === undefined)
  @IsDefined({
    message: 'is required (a redis:// or rediss:// URL), or REDIS_CLUSTER_NODES for a Redis Cluster',
  })
  @IsString({ message: 'must be a string' })
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /** A Redis Cluster: comma-separated `host:port` seed nodes (any few of its nodes; the rest are discovered). */
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Matches(/^[\w.-]+:\d{1,5}(,[\w.-]+:\d{1,5})*$/, {
    message: 'must be comma-separated host:port seed nodes of a Redis Cluster',
  })
  REDIS_CLUSTER_NODES?: string;

  /** The Redis ACL user (Redis 6+); needs REDIS_PASSWORD. A user in REDIS_URL wins over it. */
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Matches(/^\S{1,128}$/, { message: 'must be a user name without spaces (at most 128 characters)' })
  REDIS_USERNAME?: string;

  /** The password of REDIS_USERNAME, or `requirepass` (every node's, on a cluster). One in REDIS_URL wins. */
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Matches(/^\S{1,512}$/, { message: 'must be a password without spaces (at most 512 characters)' })
  REDIS_PASSWORD?: string;

  /** TLS to every Redis node (a rediss:// REDIS_URL turns it on by itself). */
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  REDIS_TLS: 'true' | 'false' = 'false';

  /** A PEM file of the certificate authorities Redis's certificates are checked against (default: Node's). */
  @IsOptional()
  @IsString({ message: 'must be a file path' })
  REDIS_TLS_CA_FILE?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of proxies' })
  @Min(0, { message: 'must be between 0 and 10' })
  @Max(10, { message: 'must be between 0 and 10' })
  TRUST_PROXY_HOPS = 0;

  @IsOptional()
  @Matches(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/, {
    message: 'must be a lowercase DNS name such as tenantpay.example.com',
  })
  BASE_DOMAIN = 'localhost';

  @IsDefined({
    message: 'is required: comma-separated key-id:secret pairs, secrets of at least 32 characters',
  })
  @Matches(/^[A-Za-z0-9_-]{1,32}:[^,:\s]{32,}(,[A-Za-z0-9_-]{1,32}:[^,:\s]{32,})*$/, {
    message: 'must be comma-separated key-id:secret pairs, each secret at least 32 characters',
  })
  JWT_SIGNING_KEYS!: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'must be the id of one of JWT_SIGNING_KEYS' })
  JWT_ACTIVE_KEY_ID?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of seconds' })
  @Min(5, { message: 'must be between 5 and 86400 seconds' })
  @Max(86_400, { message: 'must be between 5 and 86400 seconds' })
  JWT_ACCESS_TOKEN_TTL_SECONDS = 900;

  /**
   * argon2id memory per password hash, in KiB; less than PASSWORD_HASH_MINIMUM (the default) is refused outside
   * NODE_ENV=test.
   */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of KiB' })
  @Min(1024, { message: 'must be between 1024 and 4194304 KiB' })
  @Max(4_194_304, { message: 'must be between 1024 and 4194304 KiB' })
  PASSWORD_HASH_MEMORY_KIB: number = PASSWORD_HASH_MINIMUM.memoryKib;

  /** argon2id passes over that memory per password hash; the same floor as the memory. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of passes' })
  @Min(1, { message: 'must be between 1 and 100 passes' })
  @Max(100, { message: 'must be between 1 and 100 passes' })
  PASSWORD_HASH_ITERATIONS: number = PASSWORD_HASH_MINIMUM.iterations;

  /** A session whose refresh token is not used for this long ends (each refresh restarts the clock). */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of seconds' })
  @Min(60, { message: 'must be between 60 and 2592000 seconds' })
  @Max(2_592_000, { message: 'must be between 60 and 2592000 seconds' })
  SESSION_IDLE_TIMEOUT_SECONDS = 43_200;

  /** A session ends this long after its login, however often it is refreshed. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of seconds' })
  @Min(60, { message: 'must be between 60 and 7776000 seconds' })
  @Max(7_776_000, { message: 'must be between 60 and 7776000 seconds' })
  SESSION_MAX_LIFETIME_SECONDS = 604_800;

  /**
   * How long ended credentials (sessions, invitations, password resets) are kept before MongoDB's TTL monitor
   * deletes them: their tokens answer a precise error (reuse, used, revoked, expired) and audit events can be
   * traced to them for this long.
   */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of days' })
  @Min(1, { message: 'must be between 1 and 3650 days' })
  @Max(3650, { message: 'must be between 1 and 3650 days' })
  ENDED_CREDENTIAL_RETENTION_DAYS = 30;

  /** The SMTP server outgoing email goes to (`smtp://` or `smtps://`, credentials in the URL). Required in production. */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** The From of every email; the tenant's display name is put in front of the address. */
  @IsOptional()
  @Matches(/^[^\s<>@]+@[^\s<>@]+$/, {
    message: 'must be an email address such as no-reply@tenantpay.example.com',
  })
  MAIL_FROM_ADDRESS?: string;

  /**
   * Development only: the folder where the embedded SMTP sink (npm start, tests) stores captured messages; when
   * set, the API serves them at GET /dev/mailbox. Refused in production.
   */
  @IsOptional()
  @IsString({ message: 'must be a folder path' })
  DEV_MAILBOX_DIR?: string;

  /**
   * Links in emails point at `{scheme}://{slug}.{BASE_DOMAIN}[:port]`; email to platform operators at the bare
   * `{scheme}://{BASE_DOMAIN}[:port]`.
   */
  @IsOptional()
  @IsIn(['https', 'http'], { message: 'must be https or http' })
  TENANT_LINK_SCHEME: 'https' | 'http' = 'https';

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer port number' })
  @Min(1, { message: 'must be between 1 and 65535' })
  @Max(65535, { message: 'must be between 1 and 65535' })
  TENANT_LINK_PORT?: number;

  /** How long an invitation can be accepted. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of seconds' })
  @Min(3600, { message: 'must be between 3600 and 2592000 seconds (30 days)' })
  @Max(30 * 86_400, { message: 'must be between 3600 and 2592000 seconds (30 days)' })
  INVITATION_TTL_SECONDS = 7 * 86_400;

  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'must be the base64 encoding of exactly 32 bytes' })
  WEBHOOK_SECRET_ENCRYPTION_KEY?: string;

  /** AES-256-GCM key for TOTP secrets at rest (base64 of 32 bytes); required in production. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'must be the base64 encoding of exactly 32 bytes' })
  MFA_SECRET_ENCRYPTION_KEY?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9.:[\]-]+(,[A-Za-z0-9.:[\]-]+)*$/, {
    message: 'must be comma-separated host names or IP addresses',
  })
  WEBHOOK_ALLOWED_HOSTS?: string;

  /** No default: which gateway moves money is a decision a deployment states, never one it inherits. */
  @IsDefined({ message: `is required: the payment gateway adapter (${PAYMENT_GATEWAY_KINDS.join(', ')})` })
  @IsIn(PAYMENT_GATEWAY_KINDS, { message: `must be one of ${PAYMENT_GATEWAY_KINDS.join(', ')}` })
  PAYMENTS_GATEWAY!: PaymentGatewayKind;

  @IsOptional()
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  PAYMENTS_ALLOW_SIMULATED_GATEWAY_IN_PRODUCTION: 'true' | 'false' = 'false';

  @IsOptional()
  @Matches(/^\S{32,}$/, { message: 'must be at least 32 characters without spaces' })
  PAYMENTS_GATEWAY_WEBHOOK_SECRET?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of seconds' })
  @Min(30, { message: 'must be between 30 and 3600 seconds' })
  @Max(3600, { message: 'must be between 30 and 3600 seconds' })
  PAYMENTS_GATEWAY_WEBHOOK_TOLERANCE_SECONDS = 300;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of seconds' })
  @Min(3600, { message: 'must be between 3600 and 604800 seconds' })
  @Max(7 * 24 * 3600, { message: 'must be between 3600 and 604800 seconds' })
  PAYMENTS_IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of seconds' })
  @Min(1, { message: 'must be between 1 and 60 seconds' })
  @Max(60, { message: 'must be between 1 and 60 seconds' })
  PAYMENTS_IDEMPOTENCY_LEASE_SECONDS = 5;

  /** How long one step of a payment creation waits for Redis before it answers 503 (before the commit) or leaves the step to finish in the background (after it). */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(10, { message: 'must be between 10 and 10000 milliseconds' })
  @Max(10000, { message: 'must be between 10 and 10000 milliseconds' })
  PAYMENTS_REDIS_BUDGET_MS = 300;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of attempts' })
  @Min(1, { message: 'must be between 1 and 20' })
  @Max(20, { message: 'must be between 1 and 20' })
  PAYMENTS_JOB_ATTEMPTS = 6;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(10, { message: 'must be between 10 and 600000 milliseconds' })
  @Max(600_000, { message: 'must be between 10 and 600000 milliseconds' })
  PAYMENTS_JOB_BACKOFF_MS = 1_000;

  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number between 0 and 1' })
  @Min(0, { message: 'must be a number between 0 and 1' })
  @Max(1, { message: 'must be a number between 0 and 1' })
  PAYMENTS_JOB_BACKOFF_JITTER = 0.5;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of concurrent jobs' })
  @Min(1, { message: 'must be between 1 and 200' })
  @Max(200, { message: 'must be between 1 and 200' })
  PAYMENTS_WORKER_CONCURRENCY = 10;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(1_000, { message: 'must be between 1000 and 600000 milliseconds' })
  @Max(600_000, { message: 'must be between 1000 and 600000 milliseconds' })
  PAYMENTS_JOB_LOCK_DURATION_MS = 30_000;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(100, { message: 'must be between 100 and 600000 milliseconds' })
  @Max(600_000, { message: 'must be between 100 and 600000 milliseconds' })
  PAYMENTS_JOB_STALLED_INTERVAL_MS = 30_000;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of seconds' })
  @Min(3600, { message: 'must be between 3600 and 7776000 seconds (90 days)' })
  @Max(90 * 24 * 3600, { message: 'must be between 3600 and 7776000 seconds (90 days)' })
  PAYMENTS_DEAD_LETTER_RETENTION_SECONDS = 7 * 24 * 3600;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of jobs' })
  @Min(100, { message: 'must be between 100 and 1000000' })
  @Max(1_000_000, { message: 'must be between 100 and 1000000' })
  PAYMENTS_DEAD_LETTER_MAX_COUNT = 10_000;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of seconds' })
  @Min(1, { message: 'must be between 1 and 86400 seconds' })
  @Max(86_400, { message: 'must be between 1 and 86400 seconds' })
  PAYMENTS_STUCK_PENDING_GRACE_SECONDS = 300;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of seconds' })
  @Min(1, { message: 'must be between 1 and 86400 seconds' })
  @Max(86_400, { message: 'must be between 1 and 86400 seconds' })
  PAYMENTS_STUCK_PROCESSING_GRACE_SECONDS = 300;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of seconds' })
  @Min(60, { message: 'must be between 60 and 7776000 seconds (90 days)' })
  @Max(90 * 24 * 3600, { message: 'must be between 60 and 7776000 seconds (90 days)' })
  PAYMENTS_APPROVAL_EXPIRY_SECONDS = 7 * 24 * 3600;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(1_000, { message: 'must be between 1000 and 3600000 milliseconds' })
  @Max(3_600_000, { message: 'must be between 1000 and 3600000 milliseconds' })
  PAYMENTS_SWEEP_INTERVAL_MS = 60_000;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(0, { message: 'must be between 0 and 60000 milliseconds' })
  @Max(60_000, { message: 'must be between 0 and 60000 milliseconds' })
  SIMULATED_GATEWAY_LATENCY_MS = 50;

  /** Where offboarding export archives are kept (resolved against the working directory when relative). */
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'must name a directory' })
  OFFBOARD_ARCHIVE_DIR = 'var/offboarding';

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of days' })
  @Min(1, { message: 'must be between 1 and 3650 days' })
  @Max(3650, { message: 'must be between 1 and 3650 days' })
  OFFBOARD_RETENTION_DAYS = 30;

  /** Days the export archive file is kept after the tenant's data was deleted; then the sweep deletes it. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of days' })
  @Min(1, { message: 'must be between 1 and 3650 days' })
  @Max(3650, { message: 'must be between 1 and 3650 days' })
  OFFBOARD_ARCHIVE_RETENTION_DAYS = 90;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(1_000, { message: 'must be between 1000 and 3600000 milliseconds' })
  @Max(3_600_000, { message: 'must be between 1000 and 3600000 milliseconds' })
  OFFBOARD_SWEEP_INTERVAL_MS = 60_000;

  /** The longest a move may refuse a tenant's writes (drain, final pass, frozen check, switch). */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(100, { message: 'must be between 100 and 60000 milliseconds' })
  @Max(60_000, { message: 'must be between 100 and 60000 milliseconds' })
  PLACEMENT_MOVE_MAX_FREEZE_MS = 5_000;

  /** The longest an admitted write of a moving tenant counts as in flight (a landed write is released at once). */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(50, { message: 'must be between 50 and 30000 milliseconds' })
  @Max(30_000, { message: 'must be between 50 and 30000 milliseconds' })
  PLACEMENT_MOVE_WRITE_LEASE_MS = 1_000;

  /** Catch-up passes re-read documents stamped this long before the previous pass began (clock skew, write latency). */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(0, { message: 'must be between 0 and 300000 milliseconds' })
  @Max(300_000, { message: 'must be between 0 and 300000 milliseconds' })
  PLACEMENT_MOVE_CLOCK_SKEW_MS = 5_000;

  /** How long after marking a tenant moving every instance is sure to see it (above the 15 s in-process tenant cache). */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(0, { message: 'must be between 0 and 600000 milliseconds' })
  @Max(600_000, { message: 'must be between 0 and 600000 milliseconds' })
  PLACEMENT_MOVE_CACHE_STALENESS_MS = 20_000;

  /** Documents a move holds in memory per collection at once. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of documents' })
  @Min(1, { message: 'must be between 1 and 10000 documents' })
  @Max(10_000, { message: 'must be between 1 and 10000 documents' })
  PLACEMENT_MOVE_BATCH_SIZE = 1_000;

  /** A catch-up pass that changes at most this many documents ends the copy; the next pass runs frozen. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of documents' })
  @Min(0, { message: 'must be between 0 and 1000000 documents' })
  @Max(1_000_000, { message: 'must be between 0 and 1000000 documents' })
  PLACEMENT_MOVE_FREEZE_THRESHOLD = 500;

  /** Catch-up passes before the move freezes anyway (its bound still applies). */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of passes' })
  @Min(1, { message: 'must be between 1 and 1000 passes' })
  @Max(1_000, { message: 'must be between 1 and 1000 passes' })
  PLACEMENT_MOVE_MAX_CATCH_UP_PASSES = 20;

  /** Freezes tried (each within the bound, thawed in between) before the move fails. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of attempts' })
  @Min(1, { message: 'must be between 1 and 20 attempts' })
  @Max(20, { message: 'must be between 1 and 20 attempts' })
  PLACEMENT_MOVE_FREEZE_ATTEMPTS = 3;

  /** Hours the old copy of a moved tenant is kept on its source placement before deletion. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of hours' })
  @Min(0, { message: 'must be between 0 and 8760 hours' })
  @Max(8_760, { message: 'must be between 0 and 8760 hours' })
  PLACEMENT_MOVE_RETENTION_HOURS = 168;

  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'must be a number between 0 and 1' })
  @Min(0, { message: 'must be a number between 0 and 1' })
  @Max(1, { message: 'must be a number between 0 and 1' })
  SIMULATED_GATEWAY_TRANSIENT_FAILURE_RATE = 0;

  @IsOptional()
  @IsIn(['open', 'closed'], { message: 'must be open or closed' })
  RATE_LIMIT_FAIL_MODE: 'open' | 'closed' = 'open';

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of seconds' })
  @Min(5, { message: 'must be between 5 and 3600 seconds' })
  @Max(3600, { message: 'must be between 5 and 3600 seconds' })
  QUOTA_HOLD_SECONDS = 60;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of seconds' })
  @Min(60, { message: 'must be between 60 and 2592000 seconds' })
  @Max(30 * 86_400, { message: 'must be between 60 and 2592000 seconds' })
  QUOTA_BATCH_HOLD_SECONDS = 86_400;

  @IsOptional()
  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of bytes' })
  @Min(1024, { message: 'must be at least 1024 bytes' })
  @Max(50 * 1024 * 1024, { message: 'must be at most 52428800 bytes (50 MiB)' })
  HTTP_BODY_LIMIT_BYTES = 1024 * 1024;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of bytes' })
  @Min(1024, { message: 'must be at least 1024 bytes' })
  @Max(50 * 1024 * 1024, { message: 'must be at most 52428800 bytes (50 MiB)' })
  HTTP_BULK_BODY_LIMIT_BYTES = 16 * 1024 * 1024;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(0, { message: 'must not be negative' })
  @Max(10 * 60 * 1000, { message: 'must be at most 600000 (10 minutes)' })
  SHUTDOWN_GRACE_MS = 10_000;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(0, { message: 'must not be negative' })
  @Max(60_000, { message: 'must be at most 60000 (1 minute)' })
  SHUTDOWN_READINESS_DELAY_MS = 0;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of requests' })
  @Min(1, { message: 'must be between 1 and 100000' })
  @Max(100_000, { message: 'must be between 1 and 100000' })
  ADMISSION_MAX_IN_FLIGHT = 32;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of requests' })
  @Min(1, { message: 'must be between 1 and 100000' })
  @Max(100_000, { message: 'must be between 1 and 100000' })
  ADMISSION_MAX_IN_FLIGHT_PER_TENANT = 8;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of requests' })
  @Min(1, { message: 'must be between 1 and 100000' })
  @Max(100_000, { message: 'must be between 1 and 100000' })
  ADMISSION_MIN_IN_FLIGHT = 2;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of requests' })
  @Min(1, { message: 'must be between 1 and 1000' })
  @Max(1_000, { message: 'must be between 1 and 1000' })
  ADMISSION_QUEUED_REQUESTS = 2;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(10, { message: 'must be between 10 and 10000 milliseconds' })
  @Max(10_000, { message: 'must be between 10 and 10000 milliseconds' })
  ADMISSION_MAX_EVENT_LOOP_DELAY_MS = 200;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of seconds' })
  @Min(1, { message: 'must be between 1 and 60 seconds' })
  @Max(60, { message: 'must be between 1 and 60 seconds' })
  ADMISSION_RETRY_AFTER_SECONDS = 1;
}
