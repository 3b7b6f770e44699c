/**
 * The deployment has no WEBHOOK_SECRET_ENCRYPTION_KEY (allowed outside production only). An operator
 * problem, not a caller's, so it is a plain error that the API answers as `internal_error`.
 */
export class WebhookSecretEncryptionUnavailableException extends Error {
  constructor() {
    super('Webhook secrets cannot be stored or used: WEBHOOK_SECRET_ENCRYPTION_KEY is not configured');
    this.name = new.target.name;
  }
}
