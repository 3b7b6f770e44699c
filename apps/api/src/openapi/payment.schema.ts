import { PaymentMethod, PaymentStatus } from '@tenantpay/payments';
import type { JsonSchema } from './json-schema';

const nullableString: JsonSchema = { type: ['string', 'null'] };
const actor: JsonSchema = {
  type: 'object',
  required: ['type', 'id'],
  additionalProperties: false,
  properties: { type: { type: 'string', enum: ['user', 'api_key', 'system'] }, id: nullableString },
};

/**
 * A payment as the API answers it and as payment webhook events carry it (`PaymentView` in
 * @tenantpay/payments). Written out because the view is an interface, which the plugin cannot read; it is
 * closed (`additionalProperties: false`) so that the contract tests fail when the view gains a field this
 * schema does not describe.
 */
export const PAYMENT_SCHEMA_OBJECT: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'id',
    'object',
    'reference',
    'amount',
    'currency',
    'amountDecimal',
    'method',
    'description',
    'metadata',
    'status',
    'refundedAmount',
    'failureCode',
    'failureMessage',
    'gatewayReference',
    'createdBy',
    'approval',
    'refunds',
    'statusHistory',
    'createdAt',
    'updatedAt',
  ],
  properties: {
    id: { type: 'string' },
    object: { type: 'string', const: 'payment' },
    reference: { type: 'string' },
    amount: { type: 'integer', description: 'Integer minor units of `currency`' },
    currency: { type: 'string', description: 'ISO 4217 code' },
    amountDecimal: { type: 'string', description: 'The amount in major units, exact ("12.345" KWD)' },
    method: { type: 'string', enum: Object.values(PaymentMethod) },
    description: nullableString,
    metadata: { type: 'object', additionalProperties: { type: 'string' } },
    status: { type: 'string', enum: Object.values(PaymentStatus) },
    refundedAmount: { type: 'integer' },
    failureCode: nullableString,
    failureMessage: nullableString,
    gatewayReference: nullableString,
    createdBy: actor,
    approval: {
      oneOf: [
        { type: 'null' },
        {
          type: 'object',
          required: ['decision', 'by', 'at', 'note'],
          additionalProperties: false,
          properties: {
            decision: { type: 'string' },
            by: actor,
            at: { type: 'string', format: 'date-time' },
            note: nullableString,
          },
        },
      ],
    },
    refunds: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'amount', 'status', 'reason', 'createdAt'],
        additionalProperties: false,
        properties: {
          id: { type: 'string' },
          amount: { type: 'integer' },
          status: { type: 'string' },
          reason: nullableString,
          createdAt: { type: 'string', format: 'date-time' },
        },
      },
    },
    statusHistory: {
      type: 'array',
      items: {
        type: 'object',
        required: ['from', 'to', 'at', 'by', 'reason'],
        additionalProperties: false,
        properties: {
          from: nullableString,
          to: { type: 'string' },
          at: { type: 'string', format: 'date-time' },
          by: actor,
          reason: nullableString,
        },
      },
    },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
};
