import { DomainException, ErrorCode } from '@tenantpay/platform';

import { QUOTA_UNAVAILABLE_RETRY_AFTER_SECONDS, RETRY_AFTER_HEADER } from './usage.constant';

/**
 * The quota could not be reserved in time (Redis did not answer) and this process knows nothing of the tenant's
 * remainder, so admitting the payment could exceed the quota: refused fast, to be retried (SPEC §12: 503 with
 * Retry-After), rather than waited on.
 */
export class QuotaUnavailableException extends DomainException {
  constructor() {
    super(
      ErrorCode.ServiceUnavailable,
      'The transaction quota cannot be checked right now; retry shortly.',
      undefined,
      { [RETRY_AFTER_HEADER]: String(QUOTA_UNAVAILABLE_RETRY_AFTER_SECONDS) },
    );
  }
}
