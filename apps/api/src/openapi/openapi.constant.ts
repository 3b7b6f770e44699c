/** Where the API serves its OpenAPI document and the Swagger UI over it (SPEC §12). */
export const OPENAPI_UI_PATH = 'v1/docs';
export const OPENAPI_JSON_PATH = 'v1/docs/openapi.json';

/** Security scheme names in the document. */
export const BEARER_SECURITY_SCHEME = 'bearer';
export const API_KEY_SECURITY_SCHEME = 'apiKey';

/** Component names of the shared error schema and header parameters. */
export const API_ERROR_SCHEMA = 'ApiError';
export const REQUEST_ID_PARAMETER = 'RequestId';
export const TENANT_ID_PARAMETER = 'TenantId';
export const IDEMPOTENCY_KEY_PARAMETER = 'IdempotencyKey';
