import type { components } from '../generated/tenantpay-api';
import { REQUEST_ID_HEADER } from '../sdk.constant';

/** The API's error body (the same shape on every error status). */
export type ApiErrorBody = components['schemas']['ApiError'];

/**
 * A non-2xx answer from the API, carrying its error body: `code` is the stable machine code to branch on,
 * `requestId` what Tenantpay support asks for. A body that is not the API's shape (a proxy's HTML page) still
 * gives the status, with `code` `unexpected_response`.
 */
export class TenantpayApiError extends Error {
  readonly code: ApiErrorBody['error'] | 'unexpected_response';
  readonly details: ApiErrorBody['details'];
  readonly requestId: string | undefined;

  constructor(
    readonly status: number,
    readonly body: unknown,
    headers: Headers,
  ) {
    const apiError = isApiErrorBody(body) ? body : undefined;
    super(apiError?.message ?? `The API answered ${status} without its error body.`);
    this.name = new.target.name;
    this.code = apiError?.error ?? 'unexpected_response';
    this.details = apiError?.details;
    this.requestId = apiError?.requestId ?? headers.get(REQUEST_ID_HEADER) ?? undefined;
  }
}

function isApiErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null) return false;
  const { error, message } = body as Record<string, unknown>;
  return typeof error === 'string' && typeof message === 'string';
}
