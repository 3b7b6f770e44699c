import { ValidationException } from '@tenantpay/platform';

/**
 * A webhook URL that may not be delivered to. The reason names a rule (and the address class, for private
 * destinations) so the tenant can fix their URL; it never says more than their own URL already does.
 */
export class WebhookDestinationRefusedException extends ValidationException {
  constructor(readonly reason: string) {
    super([{ field: 'url', issue: reason }], 'The webhook URL is not an allowed destination.');
  }
}
