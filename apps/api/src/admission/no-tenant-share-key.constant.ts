/** The share of requests that name no tenant (sign-in, branding, platform users): one share together. */
export const NO_TENANT_SHARE_KEY = '(none)';
