import type { JsonSchema } from './json-schema';
import { USAGE_METRICS } from '@tenantpay/usage';
import {
  WEBHOOK_ID_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_SIGNATURE_SCHEME,
  WEBHOOK_TIMESTAMP_HEADER,
  WebhookEventType,
} from '@tenantpay/webhooks';
import { PAYMENT_SCHEMA } from './openapi.constant';

/** What each outbound event carries in `data`. */
const EVENT_DATA: Readonly<Record<WebhookEventType, JsonSchema>> = {
  [WebhookEventType.PaymentCompleted]: { $ref: `#/components/schemas/${PAYMENT_SCHEMA}` },
  [WebhookEventType.PaymentFailed]: { $ref: `#/components/schemas/${PAYMENT_SCHEMA}` },
  [WebhookEventType.PaymentRefunded]: { $ref: `#/components/schemas/${PAYMENT_SCHEMA}` },
  [WebhookEventType.PaymentCanceled]: { $ref: `#/components/schemas/${PAYMENT_SCHEMA}` },
  [WebhookEventType.PaymentAwaitingApproval]: { $ref: `#/components/schemas/${PAYMENT_SCHEMA}` },
  [WebhookEventType.UsageThresholdReached]: {
    type: 'object',
    required: ['period', 'metric', 'thresholdPercent', 'limit', 'value', 'reachedAt'],
    properties: {
      period: { type: 'string', description: 'The billing period, e.g. 2026-12' },
      metric: { type: 'string', enum: [...USAGE_METRICS] },
      thresholdPercent: { type: 'integer' },
      limit: { type: 'integer' },
      value: { type: 'integer' },
      reachedAt: { type: 'string', format: 'date-time' },
    },
  },
};

const SIGNATURE_RECIPE = [
  `Every delivery is a POST of the event as JSON, signed in \`${WEBHOOK_SIGNATURE_HEADER}\`:`,
  `\`t=<unix seconds>,${WEBHOOK_SIGNATURE_SCHEME}=<hex>\` (one \`${WEBHOOK_SIGNATURE_SCHEME}\` per valid secret while a`,
  `rotation overlaps). Each \`<hex>\` is HMAC-SHA256 of \`<${WEBHOOK_ID_HEADER}>.<t>.<raw body>\` keyed by the`,
  "endpoint's whole secret string, `whsec_` prefix included. Verify against the raw bytes received, accept any",
  `\`${WEBHOOK_SIGNATURE_SCHEME}\` that matches (constant-time), refuse a \`t\` more than 300 s from now, and keep the`,
  `\`${WEBHOOK_ID_HEADER}\` values seen to ignore redeliveries. Answer 2xx within the timeout; anything else is retried.`,
].join(' ');

/** The OpenAPI 3.1 `webhooks` section: one entry per event type tenants can subscribe to. */
export function webhooksSection(): Record<string, JsonSchema> {
  return Object.fromEntries(
    Object.values(WebhookEventType).map((type) => [
      type,
      {
        post: {
          operationId: `webhook_${type}`,
          summary: `The \`${type}\` event`,
          description: SIGNATURE_RECIPE,
          parameters: [
            {
              name: WEBHOOK_ID_HEADER,
              in: 'header',
              required: true,
              description: "The event's id; the same on every redelivery",
              schema: { type: 'string' },
            },
            {
              name: WEBHOOK_TIMESTAMP_HEADER,
              in: 'header',
              required: true,
              description: 'Unix seconds of this attempt (also `t` in the signature)',
              schema: { type: 'string', pattern: '^[0-9]+$' },
            },
            {
              name: WEBHOOK_SIGNATURE_HEADER,
              in: 'header',
              required: true,
              description: `\`t=<unix>,${WEBHOOK_SIGNATURE_SCHEME}=<hex HMAC-SHA256>\``,
              schema: { type: 'string', pattern: `^t=[0-9]+(,${WEBHOOK_SIGNATURE_SCHEME}=[0-9a-f]{64})+$` },
            },
          ],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['id', 'type', 'created', 'data'],
                  additionalProperties: false,
                  properties: {
                    id: { type: 'string', description: `Equal to \`${WEBHOOK_ID_HEADER}\`` },
                    type: { type: 'string', const: type },
                    created: { type: 'integer', description: 'Unix seconds the event was created' },
                    data: EVENT_DATA[type],
                  },
                },
              },
            },
          },
          responses: {
            '2XX': { description: 'Received; any other answer (or none within the timeout) is retried' },
          },
        },
      },
    ]),
  );
}
