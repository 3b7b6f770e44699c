import { DomainException, ErrorCode } from '@tenantpay/platform';

/** A replay to an endpoint that is disabled: enable it first, so a replay cannot bypass a 410. */
export class WebhookEndpointDisabledException extends DomainException {
  constructor() {
    super(ErrorCode.Conflict, 'The webhook endpoint is disabled; enable it before replaying to it.');
  }
}
