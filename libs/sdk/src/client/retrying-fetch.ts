import { IDEMPOTENCY_KEY_HEADER, RETRY_AFTER_HEADER, RETRYABLE_STATUSES } from '../sdk.constant';
import { retryAfterMs } from './retry-after';
import type { RetryPolicy } from './retry-policy';

export type RequestFetch = (request: Request) => Promise<Response>;

const SAFE_TO_REPEAT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/**
 * `fetch` that repeats a request the API turned away with 429 or 503, after the Retry-After it named (or a
 * doubling backoff), at most `maxRetries` times and never waiting longer than `maxDelayMs`. A 429 is always
 * answered before any work; a 503 may come after some, so it is repeated only when repeating is safe: a method
 * that is idempotent by definition, or a request carrying an Idempotency-Key (the API replays its first answer).
 */
export function retryingFetch(
  fetchOnce: RequestFetch,
  policy: RetryPolicy,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): RequestFetch {
  return async (request) => {
    // Each attempt sends a fresh copy: a Request's body can be read once.
    const original = request.clone();
    for (let retry = 0; ; retry += 1) {
      const response = await fetchOnce(retry === 0 ? request : original.clone());
      if (retry >= policy.maxRetries || !mayRepeat(request, response.status)) return response;
      const delayMs =
        retryAfterMs(response.headers.get(RETRY_AFTER_HEADER)) ?? policy.baseDelayMs * 2 ** retry;
      if (delayMs > policy.maxDelayMs) return response;
      // The refused answer is dropped: release its connection before waiting.
      await response.body?.cancel();
      await sleep(delayMs);
    }
  };
}

function mayRepeat(request: Request, status: number): boolean {
  if (!RETRYABLE_STATUSES.has(status)) return false;
  if (status === 429) return true;
  return SAFE_TO_REPEAT.has(request.method) || request.headers.has(IDEMPOTENCY_KEY_HEADER);
}
