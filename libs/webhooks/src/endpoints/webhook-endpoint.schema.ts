import { tenantOwnedSchema } from '@tenantpay/data-isolation';
import { WEBHOOK_EVENT_SUBSCRIPTIONS } from '../events/webhook-event-type.enum';
import { WebhookEndpointDisabledReason } from './webhook-endpoint-disabled-reason.enum';
import type { WebhookEndpoint } from './webhook-endpoint';

export const WEBHOOK_ENDPOINT_COLLECTION = 'webhook_endpoints';
export const WEBHOOK_ENDPOINT_MODEL = 'WebhookEndpoint';

export const WebhookEndpointSchema = tenantOwnedSchema<WebhookEndpoint>(
  {
    url: { type: String, required: true },
    description: { type: String, default: null },
    events: { type: [{ type: String, enum: WEBHOOK_EVENT_SUBSCRIPTIONS }], required: true },
    enabled: { type: Boolean, required: true, default: true },
    disabledReason: {
      type: String,
      enum: [...Object.values(WebhookEndpointDisabledReason), null],
      default: null,
    },
    disabledAt: { type: Date, default: null },
    secretCiphertext: { type: String, required: true },
    previousSecretCiphertext: { type: String, default: null },
    previousSecretExpiresAt: { type: Date, default: null },
    createdBy: { type: String, default: null },
  },
  {
    collection: WEBHOOK_ENDPOINT_COLLECTION,
    shard: { key: { tenantId: 1, _id: 1 }, reason: 'no unique index to fit; a tenant has few endpoints' },
  },
);

// Fan-out when an event is published: `find({ tenantId, enabled: true, events: { $in: [type, '*'] }, deletedAt: null })`.
WebhookEndpointSchema.index({ tenantId: 1, enabled: 1, events: 1 });
