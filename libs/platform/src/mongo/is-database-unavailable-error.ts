import { MongoError, MongoNetworkError, MongoServerError, MongoServerSelectionError } from 'mongodb';

/** The server stopped the operation at its maxTimeMS (MongoDB's `MaxTimeMSExpired`). */
const MAX_TIME_MS_EXPIRED = 50;

/** No pooled connection was free in time; the driver does not export this error's class, only its name. */
const WAIT_QUEUE_TIMEOUT = 'MongoWaitQueueTimeoutError';

/**
 * Whether an error means MongoDB could not serve the operation in time — unreachable, hung, failing over,
 * saturated — rather than refusing it. Nothing was decided, so the caller may retry: the API answers 503
 * `service_unavailable`, and a transaction does not retry such an error on the spot (the database would not
 * be back within the request's time).
 */
export function isDatabaseUnavailableError(error: unknown): boolean {
  // MongoNetworkError covers socket timeouts (a hung server) and a pool cleared under the operation.
  if (error instanceof MongoNetworkError || error instanceof MongoServerSelectionError) return true;
  if (error instanceof MongoServerError && error.code === MAX_TIME_MS_EXPIRED) return true;
  return error instanceof MongoError && error.name === WAIT_QUEUE_TIMEOUT;
}
