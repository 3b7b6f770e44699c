import { DomainException, ErrorCode } from '@tenantpay/platform';

/** No such endpoint in the caller's tenant; another tenant's endpoint id answers exactly the same. */
export class WebhookEndpointNotFoundException extends DomainException {
  constructor() {
    super(ErrorCode.NotFound, 'Webhook endpoint not found.');
  }
}
