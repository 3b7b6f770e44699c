import type { CreatedApiKey } from '@tenantpay/identity';
import { ApiKeyResponse } from './api-key.response';

/** An API key just created or rotated, with its secret: shown this once, never retrievable again. */
export class CreatedApiKeyResponse extends ApiKeyResponse implements CreatedApiKey {
  /** Send it as the `X-API-Key` header. @example "tp_live_AbC123xY.9fK2mQ7vL1pR4sT8wZ0bD3gH6jN5" */
  readonly key!: string;
}
