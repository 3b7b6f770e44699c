import type { TenantOwnedFields } from '@tenantpay/data-isolation';
import type { Types } from 'mongoose';
import type { WebhookEventType } from '../events/webhook-event-type.enum';
import type { WebhookDeliveryStatus } from './webhook-delivery-status.enum';

/** One try at delivering, as the delivery log shows it. */
export interface WebhookDeliveryAttempt {
  number: number;
  startedAt: Date;
  durationMs: number;
  /** The endpoint's HTTP status, or null when no response arrived. */
  responseStatus: number | null;
  /** The start of the response body (WEBHOOK_RESPONSE_BODY_LOG_LIMIT), for the tenant's debugging. */
  responseBody: string | null;
  /** Why the attempt failed without a usable response (timeout, refused destination, network error). */
  error: string | null;
  succeeded: boolean;
}

/** One event sent to one endpoint (replays are new deliveries), with every attempt. */
export interface WebhookDelivery extends TenantOwnedFields {
  eventId: Types.ObjectId;
  endpointId: Types.ObjectId;
  eventType: WebhookEventType;
  /** 0 for the delivery made when the event was published, n for the event's n-th replay. */
  replay: number;
  status: WebhookDeliveryStatus;
  attempts: WebhookDeliveryAttempt[];
  /** Why a failed or canceled delivery ended. */
  finalReason: string | null;
  completedAt: Date | null;
}
