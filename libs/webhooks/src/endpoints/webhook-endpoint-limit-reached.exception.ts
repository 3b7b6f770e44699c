import { DomainException, ErrorCode } from '@tenantpay/platform';
import { WEBHOOK_ENDPOINTS_PER_TENANT_MAX } from '../webhooks.constant';

export class WebhookEndpointLimitReachedException extends DomainException {
  constructor() {
    super(
      ErrorCode.Conflict,
      `A tenant can have at most ${WEBHOOK_ENDPOINTS_PER_TENANT_MAX} webhook endpoints.`,
    );
  }
}
