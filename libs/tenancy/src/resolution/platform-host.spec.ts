import { isPlatformHost, platformHostname } from './platform-host';
import { parseTenantHost } from './tenant-host';

describe('isPlatformHost', () => {
  it.each(['admin.tenantpay.test', 'ADMIN.tenantpay.test:3000', 'admin.tenantpay.test.'])(
    'recognises %s',
    (host) => expect(isPlatformHost(host, 'tenantpay.test')).toBe(true),
  );

  it.each([
    'tenantpay.test',
    'first-bank.tenantpay.test',
    'admin.first-bank.tenantpay.test',
    'admin.other.test',
    undefined,
    '',
  ])('refuses %s', (host) => expect(isPlatformHost(host, 'tenantpay.test')).toBe(false));

  it('names a host that resolves no tenant (the label is reserved)', () => {
    expect(parseTenantHost(platformHostname('tenantpay.test'), 'tenantpay.test')).toEqual({ kind: 'none' });
  });
});
