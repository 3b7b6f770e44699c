/** What an API key may do; a route names the scope it needs with `@Scopes()`. */
export enum ApiKeyScope {
  PaymentsRead = 'payments:read',
  PaymentsWrite = 'payments:write',
  UsageRead = 'usage:read',
  WebhooksManage = 'webhooks:manage',
}

export const API_KEY_SCOPES: readonly ApiKeyScope[] = Object.freeze(Object.values(ApiKeyScope));
