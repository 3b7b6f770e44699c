import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { ErrorCode } from '@tenantpay/platform';
import { API_ERROR_SCHEMA } from './openapi.constant';

/** The one error shape (SPEC §12, `ApiErrorBody`), as an OpenAPI schema. */
export const API_ERROR_SCHEMA_OBJECT: SchemaObject = {
  type: 'object',
  required: ['error', 'message', 'requestId', 'timestamp'],
  additionalProperties: false,
  properties: {
    error: { type: 'string', enum: Object.values(ErrorCode), description: 'Stable machine-readable code' },
    message: { type: 'string', description: 'Human-readable explanation; never a stack trace' },
    details: {
      type: 'array',
      description: 'Per-field or per-issue detail, e.g. validation failures',
      items: { type: 'object', additionalProperties: true },
    },
    requestId: { type: 'string', description: 'The X-Request-Id of the request, for support' },
    timestamp: { type: 'string', format: 'date-time' },
  },
};

/** The error shape narrowed to the codes one operation can answer with one status. */
export function apiErrorSchemaWithCodes(codes: readonly ErrorCode[]): SchemaObject | ReferenceObject {
  return {
    allOf: [
      { $ref: `#/components/schemas/${API_ERROR_SCHEMA}` },
      { type: 'object', properties: { error: { type: 'string', enum: [...codes] } } },
    ],
  };
}
