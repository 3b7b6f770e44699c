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
    /** Requests one instance serves at once; health probes are not counted and never refused. */
    readonly maxInFlight: number;
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
  };
  readonly webhooks: {
    /** Base64 of the 32-byte AES-256-GCM key that encrypts webhook signing secrets at rest; null if unset. */
    readonly secretEncryptionKey: string | null;
    /** Hosts that webhooks may be delivered to although private (tests, local development). */
    readonly allowedHosts: readonly string[];
  };
  /** What the payments library needs (it receives exactly this, as PAYMENTS_SETTINGS). */
  readonly payments: {
    /**
     * Shared with the payment gateway; verifies inbound gateway webhooks. Never logged. Null where none is
     * configured (allowed outside production only): every inbound gateway webhook is then refused.
     */
    readonly gatewayWebhookSecret: string | null;
    /** How far a gateway webhook's signed timestamp may be from now (replay window). */
    readonly gatewayWebhookToleranceSeconds: number;
    /** How long a stored idempotent response is replayed (SPEC: 24 h). */
    readonly idempotencyTtlSeconds: number;
    /** How long a claimed Idempotency-Key counts as in flight before a retry may take it over (its request died). */
    readonly idempotencyLeaseSeconds: number;
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
  readonly worker: {
    /** Where the worker serves its Prometheus metrics (it has no other HTTP server); 0 picks a free port. */
    readonly metricsPort: number;
  };
  readonly mongodb: {
    readonly uri: string;
    /**
     * Whether the apps build missing indexes (and collections) when they start. Off in production by
     * default: an index build on a large collection is an operation to schedule (`npm run db:indexes`),
     * not a side effect of a deploy.
     */
    readonly autoIndex: boolean;
  };
  readonly redis: { readonly url: string };
  readonly log: { readonly level: LogLevel };
  /** How long shutdown may wait for in-flight work (requests, active jobs) before closing anyway. */
  readonly shutdownGraceMs: number;
  /**
   * How long the API keeps serving after SIGTERM while /health/ready already answers 503, so a load balancer
   * sees it leave before it stops accepting connections (0: stop accepting at once).
   */
  readonly shutdownReadinessDelayMs: number;
}

export interface JwtKey {
  readonly id: string;
  readonly secret: string;
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
