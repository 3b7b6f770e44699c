/** What one run of a delivery job did, for the worker to tell BullMQ. */
export type WebhookAttemptResult =
  | { readonly outcome: 'succeeded' }
  /** Failed; BullMQ should retry on the schedule. */
  | { readonly outcome: 'retry'; readonly reason: string }
  /** Failed on its last attempt: the delivery is dead-lettered (status failed). */
  | { readonly outcome: 'dead_lettered'; readonly reason: string }
  /** 410 Gone: the delivery failed for good and the endpoint is disabled. */
  | { readonly outcome: 'gone' }
  /** Nothing to do: the delivery already ended, or its endpoint or event went away. */
  | { readonly outcome: 'skipped'; readonly reason: string };
