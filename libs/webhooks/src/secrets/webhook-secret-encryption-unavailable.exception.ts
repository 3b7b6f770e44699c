import { DomainException, ErrorCode } from '@tenantpay/platform';

/**
 * The deployment has no WEBHOOK_SECRET_ENCRYPTION_KEY (allowed outside production only), so no signing secret
 * can be stored or read. An operator's problem: the caller is told what is missing instead of a bare 500.
 */
export class WebhookSecretEncryptionUnavailableException extends DomainException {
  constructor() {
    super(
      ErrorCode.WebhooksNotConfigured,
      'Webhooks are not configured on this deployment: its operator must set WEBHOOK_SECRET_ENCRYPTION_KEY.',
    );
  }
}
