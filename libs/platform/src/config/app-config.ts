/** The validated, typed configuration every part of the platform receives by injection. */
export interface AppConfig {
  readonly env: 'development' | 'test' | 'production';
  readonly http: {
    readonly host: string;
    readonly port: number;
    /** Largest accepted request body; larger bodies are refused with 413 before they are parsed. */
    readonly bodyLimitBytes: number;
    /** Largest accepted body on bulk routes (a batch of up to 10,000 payments), which alone may exceed the above. */
    readonly bulkBodyLimitBytes: number;
    /** Reverse proxies in front of the API whose X-Forwarded-For may be trusted for the client IP. */
    readonly trustProxyHops: number;
    /**
     * Where the API serves its Prometheus metrics: a port of its own, never the public one (traffic by route
     * and status is not for tenants to read); 0 picks a free port.
     */
    readonly metricsPort: number;
  };
  /**
   * Admission control of the API (SPEC §7: overload is refused, not queued). A request beyond a bound is
   * answered at once with 503 `overloaded` and Retry-After instead of waiting behind the others.
   */
  readonly admission: {
    /**
     * Requests one instance ever serves at once (health probes are not counted and never refused); the
     * adaptive limit moves between `minInFlight` and this as latency shows where requests start to queue.
     */
    readonly maxInFlight: number;
    readonly minInFlight: number;
    /**
     * Requests the adaptive limit lets wait beyond those the instance serves in parallel: enough to keep it at
     * capacity, few enough that a request waits behind only a few others.
     */
    readonly queuedRequests: number;
    /** Requests one tenant (or the unauthenticated callers together) may have in flight on one instance. */
    readonly maxInFlightPerTenant: number;
    /** Event-loop delay above which new requests are refused until it falls again. */
    readonly maxEventLoopDelayMs: number;
    readonly retryAfterSeconds: number;
  };
  readonly tenancy: {
    /** White-label hosts are `{slug}.{baseDomain}`. */
    readonly baseDomain: string;
  };
  readonly auth: {
    /** Every key an access token may be signed with; tokens name theirs in the `kid` header. */
    readonly jwtKeys: readonly JwtKey[];
    /** The key new tokens are signed with. Rotate by adding a key, switching, and later removing the old. */
    readonly activeJwtKeyId: string;
    readonly accessTokenTtlSeconds: number;
    /** A session unused (not refreshed) for this long ends. */
    readonly sessionIdleTimeoutSeconds: number;
    /** A session ends this long after its login, refreshed or not. */
    readonly sessionMaxLifetimeSeconds: number;
    /**
     * Days ended sessions, invitations and password resets are kept (for precise answers to their tokens and
     * for audit) before MongoDB's TTL monitor deletes them.
     */
    readonly endedCredentialRetentionDays: number;
  };
  readonly mail: {
    /** Where email is delivered over SMTP; null outside production when unset (rows wait in the outbox). */
    readonly smtpUrl: string | null;
    readonly fromAddress: string;
    /** Development only (null in production): where the embedded SMTP sink keeps what it captured. */
    readonly devMailboxDir: string | null;
    /** How links in emails reach a tenant's host. */
    readonly tenantLinkScheme: 'https' | 'http';
    readonly tenantLinkPort: number | null;
  };
  readonly invitations: {
    readonly ttlSeconds: number;
  };
  /** argon2id cost of password hashes (at least PASSWORD_HASH_MINIMUM outside NODE_ENV=test). */
  readonly passwordHashing: {
    readonly memoryKib: number;
    readonly iterations: number;
  };
  readonly mfa: {
    /** The 32-byte AES-256-GCM key of TOTP secrets at rest (MFA_SECRET_ENCRYPTION_KEY; a fixed key outside production). */
    readonly secretEncryptionKey: Buffer;
  };
  readonly webhooks: {
    /** Base64 of the 32-byte AES-256-GCM key that encrypts webhook signing secrets at rest; null if unset. */
    readonly secretEncryptionKey: string | null;
    /** Hosts that webhooks may be delivered to although private (tests, local development). */
    readonly allowedHosts: readonly string[];
  };
  /** What the payments library needs (it receives exactly this, as PAYMENTS_SETTINGS). */
  readonly payments: {
    /** The adapter PAYMENT_GATEWAY is bound to; the simulated one only outside production unless allowed. */
    readonly gateway: PaymentGatewayKind;
    /**
     * Shared with the payment gateway; verifies inbound gateway webhooks. Never logged. Null where none is
     * configured (allowed outside production only): every inbound gateway webhook is then refused.
     */
    readonly gatewayWebhookSecret: string | null;
    /** How far a gateway webhook's signed timestamp may be from now (replay window). */
    readonly gatewayWebhookToleranceSeconds: number;
    /** How long a stored idempotent response is replayed (SPEC: 24 h). */
    readonly idempotencyTtlSeconds: number;
    /**
     * How long a claimed Idempotency-Key counts as in flight without a heartbeat: its request renews the lease
     * while it runs, so a lease that runs out belongs to a request that died and a retry may take it over.
     */
    readonly idempotencyLeaseSeconds: number;
    /**
     * How long each step of a payment creation waits for Redis: before the commit, a step that gets no answer
     * fails the request with 503; after it, the step (metering, enqueue) finishes in the background.
     */
    readonly redisBudgetMs: number;
    readonly processing: {
      /** Attempts per payment job, the first included; transient gateway failures use them up. */
      readonly attempts: number;
      /** First retry delay; each further retry doubles it, with jitter. */
      readonly backoffDelayMs: number;
      /** Share of each delay that is randomised (0–1), so retries of many jobs do not arrive together. */
      readonly backoffJitter: number;
      readonly concurrency: number;
      /** A job whose worker stops renewing its lock for this long counts as stalled and is handed to another. */
      readonly lockDurationMs: number;
      readonly stalledIntervalMs: number;
      /** Dead-letter retention: failed jobs stay inspectable and replayable this long, at most this many. */
      readonly deadLetterRetentionSeconds: number;
      readonly deadLetterMaxCount: number;
    };
    readonly maintenance: {
      /**
       * Creation commits before the enqueue, so a payment whose enqueue failed (Redis down, process died)
       * stays PENDING; one older than this is re-enqueued by the sweep. Longer than a normal enqueue wait.
       */
      readonly stuckPendingGraceSeconds: number;
      /**
       * A payment PROCESSING this long whose job is gone (Redis lost it) or dead-lettered is reconciled with the
       * gateway by its idempotency key. Longer than a job's whole retry schedule, so live jobs are left alone.
       */
      readonly stuckProcessingGraceSeconds: number;
      /** A payment AWAITING_APPROVAL this long is canceled by the sweep: approvals do not wait forever. */
      readonly approvalExpirySeconds: number;
      /** Interval of the worker's repeatable sweeps (stuck payments, undispatched events). */
      readonly sweepIntervalMs: number;
    };
    readonly simulatedGateway: {
      readonly latencyMs: number;
      /** Share of charges (0–1) that fail transiently once before succeeding; 0 in tests and benchmarks. */
      readonly transientFailureRate: number;
    };
  };
  readonly rateLimit: {
    /** While Redis is unavailable: `open` admits by a per-process fallback limiter, `closed` refuses. */
    readonly failMode: 'open' | 'closed';
  };
  /** The monthly transaction quota's reservations (reserve, then commit; see the usage library). */
  readonly quota: {
    /** How long a single payment's hold lives if its creator dies before committing or releasing it. */
    readonly holdSeconds: number;
    /** How long a batch's hold on its accepted rows lives while the worker has not created them. */
    readonly batchHoldSeconds: number;
  };
  /** Tenant offboarding (export, then deletion after retention), run by the worker. */
  readonly offboarding: {
    /** Absolute directory the export archives are written to and downloaded from; created when missing. */
    readonly archiveDir: string;
    /** Days between a finished export and the deletion of the tenant's data. */
    readonly retentionDays: number;
    /** Days the export archive file is kept after the tenant's data was deleted. */
    readonly archiveRetentionDays: number;
    /** How often the worker looks for requested exports and deletions that are due. */
    readonly sweepIntervalMs: number;
  };
  /** Moving a tenant's data between placements (libs/placement; see README "Moving a tenant"). */
  readonly placementMove: {
    /** The longest a move refuses the tenant's writes: drain, final pass, verification and switch. */
    readonly maxFreezeMs: number;
    /** The longest an admitted write of a moving tenant counts as in flight (a landed write is released at once). */
    readonly writeLeaseMs: number;
    /** Catch-up passes re-read documents stamped this long before the previous pass began. */
    readonly clockSkewMs: number;
    /** Wait after marking a tenant moving, until every instance's tenant cache shows it. */
    readonly cacheStalenessMs: number;
    readonly batchSize: number;
    /** A catch-up pass changing at most this many documents lets the move freeze. */
    readonly freezeThreshold: number;
    readonly maxCatchUpPasses: number;
    readonly freezeAttempts: number;
    /** Hours the old copy stays on the source after a switch. */
    readonly retentionHours: number;
  };
  readonly worker: {
    /** Where the worker serves its Prometheus metrics (it has no other HTTP server); 0 picks a free port. */
    readonly metricsPort: number;
  };
  /** Settings of `npm start` (tools/local-run) alone. */
  readonly localRun: {
    /** Where the embedded MongoDB and Redis keep their data across runs, relative to the repository root. */
    readonly dataDir: string;
  };
  readonly mongodb: {
    readonly uri: string;
    /**
     * Dedicated clusters by placement name (MONGODB_PLACEMENTS). `shared` is never among them: it is `uri`.
     * The URIs carry credentials: they live here only, never in the tenants collection.
     */
    readonly placements: Readonly<Record<string, string>>;
    /** How long a dedicated placement's connection may stay unused before it is closed. */
    readonly placementIdleMs: number;
    /** How many dedicated placements may have an open connection at once in one process. */
    readonly maxOpenPlacements: number;
    /**
     * Whether the apps build missing indexes (and collections) when they start. Off in production by
     * default: an index build on a large collection is an operation to schedule (`npm run db:indexes`),
     * not a side effect of a deploy.
     */
    readonly autoIndex: boolean;
    /**
     * How fast a sick database turns into an error (503 at the edge) rather than a hung request. The defaults
     * suit the API (a request answers within about 2 s whatever MongoDB does); long-running processes such as
     * the worker may be given longer values in their own environment.
     */
    readonly timeouts: MongoTimeouts;
  };
  readonly redis: RedisTopology;
  readonly log: { readonly level: LogLevel };
  /** How long shutdown may wait for in-flight work (requests, active jobs) before closing anyway. */
  readonly shutdownGraceMs: number;
  /**
   * How long the API keeps serving after SIGTERM while /health/ready already answers 503, so a load balancer
   * sees it leave before it stops accepting connections (0: stop accepting at once).
   */
  readonly shutdownReadinessDelayMs: number;
}

/**
 * Which Redis the platform uses: one server (REDIS_URL), or a Redis Cluster (REDIS_CLUSTER_NODES) whose
 * seed nodes the client asks for the rest of the topology. Every Redis user takes this, never a URL, through
 * `createRedisClient`, so both work everywhere.
 */
export type RedisTopology =
  | { readonly kind: 'standalone'; readonly url: string; readonly security?: RedisSecurity }
  | {
      readonly kind: 'cluster';
      readonly nodes: readonly RedisNodeAddress[];
      readonly security?: RedisSecurity;
    };

/**
 * Credentials and TLS for every connection to Redis (each node's, on a cluster). Absent: no AUTH, plain TCP
 * (or TLS with Node's default authorities, for a rediss:// REDIS_URL).
 */
export interface RedisSecurity {
  readonly username?: string;
  readonly password?: string;
  readonly tls?: {
    /** PEM certificate authorities from REDIS_TLS_CA_FILE; Node's defaults when absent. */
    readonly ca?: string;
  };
}

export interface RedisNodeAddress {
  readonly host: string;
  readonly port: number;
}

export interface MongoTimeouts {
  readonly serverSelectionMs: number;
  readonly connectMs: number;
  readonly socketMs: number;
  /** maxTimeMS on every query and aggregation. */
  readonly maxTimeMs: number;
  readonly waitQueueMs: number;
  /** How long a transaction may keep retrying write conflicts. */
  readonly transactionMs: number;
}

/** Payment gateway adapters a deployment may choose; only the simulator exists so far. */
export const PAYMENT_GATEWAY_KINDS = ['simulated'] as const;
export type PaymentGatewayKind = (typeof PAYMENT_GATEWAY_KINDS)[number];

export interface JwtKey {
  readonly id: string;
  readonly secret: string;
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
