/** Where a tenant's staff see their usage (the portal's home page shows it). */
export const USAGE_PAGE_PATH = '/portal/';

/** A bound on one alert's emails; a tenant has far fewer admins. */
export const USAGE_ALERT_MAX_RECIPIENTS = 50;
