import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { encode } from 'uqr';
import type { AuthenticatorEnrolment } from '../../ui/authenticator-key';
import type { MfaClient } from './mfa-client';
import { MfaSettings } from './mfa-settings';

const ENROLMENT: AuthenticatorEnrolment = {
  secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  otpauthUri:
    'otpauth://totp/Tenantpay:teller%40bank.example?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Tenantpay',
};

/** An account without a factor yet, answering the enrolment above. */
const notEnrolled: MfaClient = {
  status: () => Promise.resolve({ enabled: false, recoveryCodesLeft: 0 }),
  startEnrolment: () => Promise.resolve(ENROLMENT),
  confirmEnrolment: () => Promise.resolve([]),
  replaceRecoveryCodes: () => Promise.resolve([]),
  disable: () => Promise.resolve(),
};

/** The dark modules the QR code's path draws (each `M<x> <y>h1v1h-1z` one unit square), read back as a matrix. */
function drawnModules(svg: Element): boolean[][] {
  const squares = [...(svg.querySelector('path')?.getAttribute('d') ?? '').matchAll(/M(\d+) (\d+)h1v1h-1z/g)];
  const side = Number(svg.getAttribute('viewBox')?.split(' ')[2]) - 8;
  const modules = Array.from({ length: side }, () => Array.from({ length: side }, () => false));
  for (const [, x, y] of squares) modules[Number(y)]![Number(x)] = true;
  return modules;
}

describe('MfaSettings, rendered: enrolling an authenticator app', () => {
  afterEach(cleanup);

  it('draws the otpauth URI as a QR code and still shows the key as text for typing in', async () => {
    render(<MfaSettings client={notEnrolled} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Set up an authenticator app' }));

    const qr = await screen.findByRole('img', { name: /QR code/ });
    expect(drawnModules(qr)).toEqual(encode(ENROLMENT.otpauthUri, { border: 0 }).data);
    expect(drawnModules(qr)).not.toEqual(encode(ENROLMENT.secret, { border: 0 }).data);
    expect(screen.getByText(ENROLMENT.secret).tagName).toBe('CODE');
    expect(screen.getByRole('link', { name: /add it to an authenticator app/ }).getAttribute('href')).toBe(
      ENROLMENT.otpauthUri,
    );
  });
});
