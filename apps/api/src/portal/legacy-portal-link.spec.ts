import { consoleRouteOfPortalPage } from './legacy-portal-link';

describe('consoleRouteOfPortalPage', () => {
  it("opens a tenant invitation's console route with its token", () => {
    expect(consoleRouteOfPortalPage('accept-invitation.html', new URLSearchParams('token=inv_abc'))).toBe(
      '/?token=inv_abc#/accept-invitation',
    );
  });

  it('keeps a reset link without a token (the sign-in’s "Forgot your password?") as the request form', () => {
    expect(consoleRouteOfPortalPage('reset-password.html', new URLSearchParams())).toBe('/#/reset-password');
    expect(consoleRouteOfPortalPage('reset-password.html', new URLSearchParams('token=pwr_x%2By'))).toBe(
      '/?token=pwr_x%2By#/reset-password',
    );
  });

  it('sends the signed-in pages to the account screen', () => {
    expect(consoleRouteOfPortalPage('change-password.html', new URLSearchParams())).toBe('/#/account');
    expect(consoleRouteOfPortalPage('two-factor.html', new URLSearchParams())).toBe('/#/account');
  });

  it("leaves platform operators' links and other files alone", () => {
    expect(
      consoleRouteOfPortalPage(
        'accept-invitation.html',
        new URLSearchParams('audience=platform&token=pinv_1'),
      ),
    ).toBeUndefined();
    expect(consoleRouteOfPortalPage('portal.css', new URLSearchParams())).toBeUndefined();
    expect(consoleRouteOfPortalPage('constructor', new URLSearchParams())).toBeUndefined();
  });
});
