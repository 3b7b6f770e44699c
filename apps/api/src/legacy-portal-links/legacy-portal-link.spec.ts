import { targetOfPortalPage } from './legacy-portal-link';

const sameHost = (location: string) => ({ host: 'same', location });

describe('targetOfPortalPage', () => {
  it("opens a tenant invitation's console route with its token", () => {
    expect(targetOfPortalPage('accept-invitation.html', new URLSearchParams('token=inv_abc'))).toEqual(
      sameHost('/?token=inv_abc#/accept-invitation'),
    );
  });

  it('keeps a reset link without a token (the sign-in’s "Forgot your password?") as the request form', () => {
    expect(targetOfPortalPage('reset-password.html', new URLSearchParams())).toEqual(
      sameHost('/#/reset-password'),
    );
    expect(targetOfPortalPage('reset-password.html', new URLSearchParams('token=pwr_x%2By'))).toEqual(
      sameHost('/?token=pwr_x%2By#/reset-password'),
    );
  });

  it('sends the signed-in pages to the account screen', () => {
    expect(targetOfPortalPage('change-password.html', new URLSearchParams())).toEqual(sameHost('/#/account'));
    expect(targetOfPortalPage('two-factor.html', new URLSearchParams())).toEqual(sameHost('/#/account'));
  });

  it("sends platform operators' links to the platform console's pages, without the marker", () => {
    expect(
      targetOfPortalPage('accept-invitation.html', new URLSearchParams('audience=platform&token=pinv_1')),
    ).toEqual({ host: 'platform', path: '/accept-invitation', query: { token: 'pinv_1' } });
    expect(
      targetOfPortalPage('reset-password.html', new URLSearchParams('token=ppwr_a%2Bb&audience=platform')),
    ).toEqual({ host: 'platform', path: '/reset-password', query: { token: 'ppwr_a+b' } });
  });

  it('leaves other files, and tenant-only pages asked for by an operator, unanswered', () => {
    expect(targetOfPortalPage('portal.css', new URLSearchParams())).toBeUndefined();
    expect(targetOfPortalPage('constructor', new URLSearchParams())).toBeUndefined();
    expect(targetOfPortalPage('two-factor.html', new URLSearchParams('audience=platform'))).toBeUndefined();
  });
});
