export enum WebhookEndpointDisabledReason {
  /** An admin disabled it. */
  Manual = 'manual',
  /** It answered 410 Gone: the receiver asked never to be called again. */
  EndpointGone = 'endpoint_gone',
}
