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
  readonly payments: {
    /** Shared with the payment gateway to verify its webhooks; null (development, tests) refuses every one. */
    readonly gatewayWebhookSecret: string | null;
    /** How far a gateway webhook's signed timestamp may be from now (replay window). */
    readonly gatewayWebhookToleranceSeconds: number;
    readonly idempotencyTtlSeconds: number;
    /** How long a claimed Idempotency-Key counts as in flight before a retry may take it over. */
    readonly idempotencyLeaseSeconds: number;
    readonly processing: {
      readonly attempts: number;
      readonly backoffDelayMs: number;
      readonly backoffJitter: number;
      readonly concurrency: number;
      readonly lockDurationMs: number;
      readonly stalledIntervalMs: number;
      readonly deadLetterRetentionSeconds: number;
      readonly deadLetterMaxCount: number;
    };
    readonly maintenance: {
      /** A payment still PENDING this long after creation was never queued (or lost its job): re-enqueued. */
      readonly stuckPendingGraceSeconds: number;
      /** How often the worker sweeps for stuck payments and undispatched payment events. */
      readonly sweepIntervalMs: number;
    };
    readonly simulatedGateway: { readonly latencyMs: number; readonly transientFailureRate: number };
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
}

export interface JwtKey {
  readonly id: string;
  readonly secret: string;
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
