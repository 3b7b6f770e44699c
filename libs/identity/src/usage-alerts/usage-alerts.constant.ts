/** Where a tenant's staff see their usage: the staff console's usage screen. */
export const USAGE_PAGE_PATH = '/#/usage';

/** A bound on one alert's emails; a tenant has far fewer admins. */
export const USAGE_ALERT_MAX_RECIPIENTS = 50;
