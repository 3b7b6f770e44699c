import { DomainException, ErrorCode } from '@tenantpay/platform';

/** No such event in the caller's tenant; another tenant's event id answers exactly the same. */
export class WebhookEventNotFoundException extends DomainException {
  constructor() {
    super(ErrorCode.NotFound, 'Webhook event not found.');
  }
}
