/** A transient gateway failure (timeout, 5xx, rate limit): the same call with the same key may succeed later. */
export class GatewayUnavailableError extends Error {
  constructor(message = 'The payment gateway is temporarily unavailable') {
    super(message);
    this.name = 'GatewayUnavailableError';
  }
}
