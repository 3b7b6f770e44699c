import { takeLinkToken } from './link-token';

describe('takeLinkToken', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('returns the token and removes the query from the address bar', () => {
    window.history.replaceState(null, '', '/accept-invitation?token=pinv_abc');
    expect(takeLinkToken(window.location, window.history)).toBe('pinv_abc');
    expect(window.location.pathname).toBe('/accept-invitation');
    expect(window.location.search).toBe('');
  });

  it.each([
    '/reset-password',
    '/reset-password?token=',
    '/reset-password?token=%20',
    '/reset-password?other=1',
  ])('returns null for %s', (address) => {
    window.history.replaceState(null, '', address);
    expect(takeLinkToken(window.location, window.history)).toBeNull();
    expect(window.location.search).toBe('');
  });
});
