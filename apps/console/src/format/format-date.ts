import { DISPLAY_TIME_ZONE, displayLocale } from './display-locale';

/** A moment in the display locale, its time zone named ("7 Dec 2026, 14:05 UTC"), never a raw ISO timestamp. */
export function formatDateTime(iso: string, locale = displayLocale()): string {
  // Fields rather than dateStyle/timeStyle, which Intl does not combine with a time zone name.
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: DISPLAY_TIME_ZONE,
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** A day ("7 Dec 2026"), the UTC day the moment falls on. */
export function formatDate(iso: string, locale = displayLocale()): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: DISPLAY_TIME_ZONE }).format(
    new Date(iso),
  );
}

/** A billing period (`2026-12`) as its month ("December 2026"). */
export function formatMonth(period: string, locale = displayLocale()): string {
  return new Intl.DateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: DISPLAY_TIME_ZONE,
  }).format(new Date(`${period}-01T00:00:00Z`));
}

/** A day on a chart's axis ("7 Dec"). */
export function formatDayOfMonth(epochMs: number, locale = displayLocale()): string {
  return new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    timeZone: DISPLAY_TIME_ZONE,
  }).format(epochMs);
}
