import { ValidationException } from '@tenantpay/platform';

/**
 * A webhook URL that may not be delivered to. The reason names a rule (and the address class, for private
 * destinations) so the tenant can fix their URL; it never says more than their own URL already does. A hint
 * (outside production) says how a developer allows their own machine.
 */
export class WebhookDestinationRefusedException extends ValidationException {
  constructor(
    readonly reason: string,
    hint?: string,
  ) {
    super(
      [{ field: 'url', issue: reason, ...(hint === undefined ? {} : { hint }) }],
      hint === undefined
        ? 'The webhook URL is not an allowed destination.'
        : `The webhook URL is not an allowed destination. ${hint}`,
    );
  }
}
