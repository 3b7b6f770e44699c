/**
 * The locale a tenant's dates, numbers and amounts are written in until it sets its own (`settings.branding.locale`),
 * and the one the platform console always uses: day before month, 24-hour clock, read the same way everywhere.
 */
export const DEFAULT_BRANDING_LOCALE = 'en-GB';
