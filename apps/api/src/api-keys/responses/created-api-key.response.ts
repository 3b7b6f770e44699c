import type { CreatedApiKey } from '@tenantpay/identity';
import { ApiKeyResponse } from './api-key.response';

/** An API key just created or rotated, with its secret: shown this once, never retrievable again. */
export class CreatedApiKeyResponse extends ApiKeyResponse implements CreatedApiKey {
  /** Send it as the `X-API-Key` header. @example "tp_live_65a1b2c3d4e5f60718293a4b_AbC123xY_9fK2mQ7vL1pR4sT8wZ0bD3gH6jN5aB7cD9eF1gH3iJ5kL7mN" */
  readonly key!: string;
}
