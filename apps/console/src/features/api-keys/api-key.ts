/** An API key as `GET /v1/api-keys` lists it (ApiKeyView in @tenantpay/identity); the secret is never listed. */
export interface ApiKey {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly scopes: readonly string[];
  readonly status: 'active' | 'rotating' | 'expired' | 'revoked';
  readonly expiresAt: string | null;
  readonly lastUsedAt: string | null;
  readonly createdAt: string;
}

/** The answer to a create or a rotate: the key and, this once, its secret. */
export interface CreatedApiKey extends ApiKey {
  readonly key: string;
}

/** The scopes a key may hold (ApiKeyScope), with what each lets an integration do. */
export const API_KEY_SCOPES: readonly { readonly scope: string; readonly label: string }[] = [
  { scope: 'payments:read', label: 'Read payments' },
  { scope: 'payments:write', label: 'Create, refund and cancel payments' },
  { scope: 'usage:read', label: 'Read usage' },
  { scope: 'webhooks:manage', label: 'Manage webhook endpoints' },
];
