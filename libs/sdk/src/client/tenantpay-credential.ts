/** How the client authenticates: a tenant API key (server to server) or a user's bearer access token. */
export type TenantpayCredential = { readonly apiKey: string } | { readonly bearerToken: string };
