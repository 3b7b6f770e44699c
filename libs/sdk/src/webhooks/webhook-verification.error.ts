export type WebhookVerificationFailure =
  | 'missing_headers'
  | 'malformed_signature'
  | 'timestamp_outside_tolerance'
  | 'signature_mismatch'
  | 'malformed_body';

/** A webhook request that must not be trusted; answer it 400 and do not act on it. */
export class WebhookVerificationError extends Error {
  constructor(
    readonly reason: WebhookVerificationFailure,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
