/** The locale the platform console always writes in, and the staff console until the tenant's branding says. */
export const DEFAULT_DISPLAY_LOCALE = 'en-GB';

/**
 * Dates and times are shown, and days searched, in UTC: the API's days (usage periods, analytics, quotas) are UTC
 * days, so a day on screen is the same day in every report, for every staff member, wherever they sit.
 */
export const DISPLAY_TIME_ZONE = 'UTC';

let current = DEFAULT_DISPLAY_LOCALE;

/**
 * The locale every date, number and amount on screen is written in: the tenant's (`GET /v1/branding`'s `locale`)
 * on the staff console, never the browser's, so the whole bank reads its figures one way.
 */
export function displayLocale(): string {
  return current;
}

/** Set once the tenant's branding is read, before the console renders with it. */
export function setDisplayLocale(locale: string): void {
  current = locale;
}
