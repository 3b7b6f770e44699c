import { DomainException, ErrorCode } from '@tenantpay/platform';

/** The endpoint changed (another rotation, say) between reading and writing it; retrying is safe. */
export class WebhookEndpointChangedException extends DomainException {
  constructor() {
    super(ErrorCode.Conflict, 'The webhook endpoint was changed concurrently; try again.');
  }
}
