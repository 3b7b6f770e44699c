import type { WebhookEndpointWithSecret } from '@tenantpay/webhooks';
import { WebhookEndpointResponse } from './webhook-endpoint.response';

/** A webhook endpoint just created or its secret just rotated, with the secret: shown this once only. */
export class WebhookEndpointWithSecretResponse
  extends WebhookEndpointResponse
  implements WebhookEndpointWithSecret
{
  /**
   * The signing secret: the HMAC key of `Tenantpay-Webhook-Signature`, the whole string prefix included.
   * @example "whsec_3q2-7wX9pLmN4kR8sT1vY6zA0bC5dE7fG9hJ2kL4mN6"
   */
  readonly secret!: string;
}
