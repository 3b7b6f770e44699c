/**
 * Injection token: the request headers (lower case) that together decide which tenant a request is for, as
 * the application resolves tenants. The admission gate remembers which tenant each combination turned out
 * to be, so it can charge a request to its tenant before the framework has parsed or resolved anything.
 */
export const ADMISSION_IDENTITY_HEADERS = Symbol('ADMISSION_IDENTITY_HEADERS');
