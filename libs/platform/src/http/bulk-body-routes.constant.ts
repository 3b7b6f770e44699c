/** Injection token: the routes (PlatformHttpModule.forRoot's `bulkBodyRoutes`) with the larger body limit. */
export const BULK_BODY_ROUTES = Symbol('BULK_BODY_ROUTES');
