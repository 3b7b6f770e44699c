import { DEFAULT_DISPLAY_LOCALE, setDisplayLocale } from './display-locale';
import { formatDate, formatDateTime, formatMonth } from './format-date';
import { formatMoney } from './format-money';
import { formatNumber } from './format-number';

describe('dates, numbers and amounts in the display locale', () => {
  // A browser in another language than the tenant's, and far from UTC (the console's Jest config: Asia/Tokyo).
  beforeAll(() => jest.spyOn(navigator, 'language', 'get').mockReturnValue('en-US'));
  afterAll(() => jest.restoreAllMocks());
  afterEach(() => setDisplayLocale(DEFAULT_DISPLAY_LOCALE));

  it("writes the tenant's locale, not the browser's", () => {
    setDisplayLocale('de-DE');
    expect(formatDateTime('2026-12-07T14:05:00Z')).toBe('7. Dez. 2026, 14:05 UTC');
    expect(formatDate('2026-12-07T14:05:00Z')).toBe('07.12.2026');
    expect(formatMonth('2026-12')).toBe('Dezember 2026');
    expect(formatNumber(12_345)).toBe('12.345');
    expect(formatMoney(123_456, 'EUR')).toBe('1.234,56\u00a0€');
  });

  it('writes en-GB until the branding says otherwise (and always on the platform console)', () => {
    expect(formatDateTime('2026-12-07T14:05:00Z')).toBe('7 Dec 2026, 14:05 UTC');
    expect(formatMoney(123_456, 'USD')).toBe('US$1,234.56');
  });

  it('gives the UTC day, wherever the browser is: the last evening of the year stays in it', () => {
    expect(formatDate('2026-12-31T20:00:00Z')).toBe('31 Dec 2026');
    expect(formatMonth('2027-01')).toBe('January 2027');
  });
});
