/** What one POST to an endpoint produced. */
export type WebhookHttpOutcome =
  | { readonly kind: 'response'; readonly status: number; readonly body: string; readonly durationMs: number }
  | { readonly kind: 'error'; readonly error: string; readonly durationMs: number };
