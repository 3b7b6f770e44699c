/** Where the API serves its OpenAPI document and the Swagger UI over it (SPEC §12). */
export const OPENAPI_UI_PATH = 'v1/docs';
export const OPENAPI_JSON_PATH = 'v1/docs/openapi.json';

/** The OpenAPI version the document declares: 3.1 for JSON Schema 2020-12 and the `webhooks` section. */
export const OPENAPI_VERSION = '3.1.0';

/** Security scheme names in the document. */
export const BEARER_SECURITY_SCHEME = 'bearer';
export const API_KEY_SECURITY_SCHEME = 'apiKey';

/** Component names of the shared schemas and header parameters. */
export const API_ERROR_SCHEMA = 'ApiError';
export const PAYMENT_SCHEMA = 'Payment';
export const BRANDING_SCHEMA = 'Branding';
export const BRANDING_UPDATE_SCHEMA = 'BrandingUpdate';
export const REQUEST_ID_PARAMETER = 'RequestId';
export const TENANT_ID_PARAMETER = 'TenantId';

/** Route metadata of `@DocumentedErrors()`: the error codes a handler's own logic can answer. */
export const DOCUMENTED_ERRORS = 'openapi:documentedErrors';
