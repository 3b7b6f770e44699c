import createClient, {
  type Client,
  type ClientPathsWithMethod,
  type FetchResponse,
  type MaybeOptionalInit,
  type Middleware,
} from 'openapi-fetch';
import type { paths } from '../generated/tenantpay-api';
import {
  API_KEY_HEADER,
  AUTHORIZATION_HEADER,
  DEFAULT_MAX_RETRIES,
  DEFAULT_MAX_RETRY_DELAY_MS,
  DEFAULT_RETRY_BASE_DELAY_MS,
  IDEMPOTENCY_KEY_HEADER,
  MONEY_MOVING_OPERATIONS,
  TENANT_HEADER,
} from '../sdk.constant';
import type { RetryPolicy } from './retry-policy';
import { type RequestFetch, retryingFetch } from './retrying-fetch';
import { TenantpayApiError } from './tenantpay-api-error';
import type { TenantpayCredential } from './tenantpay-credential';

export interface TenantpayClientOptions {
  /** The API's origin: the tenant's own host in production (`https://pay.bank.example`), or the shared one. */
  readonly baseUrl: string;
  /** Omitted only for public operations (signing in). */
  readonly credential?: TenantpayCredential;
  /** Sent as X-Tenant-ID (tenant id or slug) when the base URL does not name the tenant. */
  readonly tenant?: string;
  readonly retry?: Partial<RetryPolicy>;
  /** The transport; global fetch by default. */
  readonly fetch?: RequestFetch;
  /**
   * Makes the Idempotency-Key of a money-moving POST the caller gave none to; random UUIDs by default, from the
   * Web Crypto global that Node (≥ 20) and browsers share, so the client also runs in the staff console.
   */
  readonly newIdempotencyKey?: () => string;
}

/** openapi-fetch's client over the API's generated types, with this SDK's behaviour (see createTenantpayClient). */
export type TenantpayApi = Client<paths, 'application/json'>;

type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch';
// As openapi-fetch spells a call's second argument: required exactly when the operation has required inputs.
type InitParam<Init> = keyof Init extends never
  ? [(Init & { [key: string]: unknown })?]
  : RequiredKeys<Init> extends never
    ? [(Init & { [key: string]: unknown })?]
    : [Init & { [key: string]: unknown }];
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
// The operation at a path and method; PathsWithMethod already excluded the paths where it is absent.
type Operation<T> = T extends Record<string | number, unknown> ? T : never;
/** The success body of a call; `unknown` where the document declares none yet. */
type SuccessData<R> = R extends { data: infer Data; error?: never }
  ? [Data] extends [never]
    ? unknown
    : Data
  : never;

/** A call that resolves to the response body and rejects with TenantpayApiError on any non-2xx answer. */
export type TenantpayMethod<M extends HttpMethod> = <
  Path extends ClientPathsWithMethod<TenantpayApi, M>,
  Init extends MaybeOptionalInit<paths[Path], M>,
>(
  path: Path,
  ...init: InitParam<Init>
) => Promise<SuccessData<FetchResponse<Operation<paths[Path][M]>, Init, 'application/json'>>>;

export interface TenantpayClient {
  readonly GET: TenantpayMethod<'get'>;
  readonly POST: TenantpayMethod<'post'>;
  readonly PUT: TenantpayMethod<'put'>;
  readonly PATCH: TenantpayMethod<'patch'>;
  readonly DELETE: TenantpayMethod<'delete'>;
}

/**
 * A typed Tenantpay client for servers. Every call is checked against the API's OpenAPI document at compile
 * time and, at run time:
 * - authenticates with the API key (X-API-Key) or bearer token, and names the tenant when asked to;
 * - gives money-moving POSTs (payments, refunds, batches) an Idempotency-Key unless the caller passed one
 *   (`params: { header: { 'Idempotency-Key': … } }`), so retrying never pays twice;
 * - repeats 429 and 503 answers after their Retry-After, within a bound (see retryingFetch);
 * - resolves to the body of a 2xx answer, and rejects any other with a TenantpayApiError carrying the API's
 *   error (`code`, `message`, `details`, `requestId`).
 */
export function createTenantpayClient(options: TenantpayClientOptions): TenantpayClient {
  const policy: RetryPolicy = {
    maxRetries: options.retry?.maxRetries ?? DEFAULT_MAX_RETRIES,
    maxDelayMs: options.retry?.maxDelayMs ?? DEFAULT_MAX_RETRY_DELAY_MS,
    baseDelayMs: options.retry?.baseDelayMs ?? DEFAULT_RETRY_BASE_DELAY_MS,
  };
  const api: TenantpayApi = createClient<paths, 'application/json'>({
    baseUrl: options.baseUrl,
    fetch: retryingFetch(options.fetch ?? ((request) => fetch(request)), policy),
  });
  api.use(
    identifyCaller(options),
    idempotentMoneyMovement(options.newIdempotencyKey ?? (() => globalThis.crypto.randomUUID())),
  );

  const call =
    (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE') =>
    async (path: string, init?: Record<string, unknown>): Promise<unknown> => {
      // openapi-fetch's own signature was checked by TenantpayMethod at the caller; here it is the same call.
      const send = api[method] as (path: string, init?: Record<string, unknown>) => Promise<RawResult>;
      const { data, error, response } = await send(path, init);
      if (!response.ok) throw new TenantpayApiError(response.status, error, response.headers);
      return data;
    };
  return {
    GET: call('GET') as TenantpayMethod<'get'>,
    POST: call('POST') as TenantpayMethod<'post'>,
    PUT: call('PUT') as TenantpayMethod<'put'>,
    PATCH: call('PATCH') as TenantpayMethod<'patch'>,
    DELETE: call('DELETE') as TenantpayMethod<'delete'>,
  };
}

interface RawResult {
  readonly data?: unknown;
  readonly error?: unknown;
  readonly response: Response;
}

function identifyCaller(options: TenantpayClientOptions): Middleware {
  return {
    onRequest: ({ request }) => {
      const { credential } = options;
      if (credential !== undefined && 'apiKey' in credential)
        request.headers.set(API_KEY_HEADER, credential.apiKey);
      if (credential !== undefined && 'bearerToken' in credential)
        request.headers.set(AUTHORIZATION_HEADER, `Bearer ${credential.bearerToken}`);
      if (options.tenant !== undefined) request.headers.set(TENANT_HEADER, options.tenant);
      return request;
    },
  };
}

function idempotentMoneyMovement(newKey: () => string): Middleware {
  return {
    onRequest: ({ request, schemaPath }) => {
      if (request.method !== 'POST' || !MONEY_MOVING_OPERATIONS.has(schemaPath)) return request;
      if (!request.headers.has(IDEMPOTENCY_KEY_HEADER)) request.headers.set(IDEMPOTENCY_KEY_HEADER, newKey());
      return request;
    },
  };
}
