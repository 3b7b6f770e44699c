import fc from 'fast-check';
import { classifyAddress } from './classify-address';
import { ForbiddenAddressClass } from './forbidden-address-class.enum';

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', ForbiddenAddressClass.Loopback],
    ['127.255.255.254', ForbiddenAddressClass.Loopback],
    ['::1', ForbiddenAddressClass.Loopback],
    ['0.0.0.0', ForbiddenAddressClass.Unspecified],
    ['::', ForbiddenAddressClass.Unspecified],
    ['10.0.0.1', ForbiddenAddressClass.Private],
    ['172.16.0.1', ForbiddenAddressClass.Private],
    ['172.31.255.255', ForbiddenAddressClass.Private],
    ['192.168.1.1', ForbiddenAddressClass.Private],
    ['169.254.1.1', ForbiddenAddressClass.LinkLocal],
    ['fe80::1', ForbiddenAddressClass.LinkLocal],
    ['fe80::1%eth0', ForbiddenAddressClass.LinkLocal],
    ['100.64.0.1', ForbiddenAddressClass.SharedAddressSpace],
    ['100.127.255.255', ForbiddenAddressClass.SharedAddressSpace],
    ['224.0.0.1', ForbiddenAddressClass.Multicast],
    ['239.255.255.250', ForbiddenAddressClass.Multicast],
    ['ff02::1', ForbiddenAddressClass.Multicast],
    ['fc00::1', ForbiddenAddressClass.UniqueLocal],
    ['fd12:3456::1', ForbiddenAddressClass.UniqueLocal],
    ['169.254.169.254', ForbiddenAddressClass.Metadata],
    ['100.100.100.200', ForbiddenAddressClass.Metadata],
    ['168.63.129.16', ForbiddenAddressClass.Metadata],
    ['fd00:ec2::254', ForbiddenAddressClass.Metadata],
    ['::ffff:127.0.0.1', ForbiddenAddressClass.Loopback],
    ['::ffff:7f00:1', ForbiddenAddressClass.Loopback],
    ['::ffff:10.1.2.3', ForbiddenAddressClass.Private],
    ['::ffff:169.254.169.254', ForbiddenAddressClass.Metadata],
    ['64:ff9b::192.168.0.1', ForbiddenAddressClass.Private],
    ['2002:a9fe:a9fe::1', ForbiddenAddressClass.Metadata], // 6to4 wrapping 169.254.169.254
    ['2002:7f00:1::', ForbiddenAddressClass.Loopback],
    ['2001:db8::1', ForbiddenAddressClass.Reserved],
    ['2001:0:4136:e378::1', ForbiddenAddressClass.Reserved], // Teredo
    ['::127.0.0.1', ForbiddenAddressClass.Reserved], // deprecated IPv4-compatible
    ['192.0.2.10', ForbiddenAddressClass.Reserved],
    ['198.18.0.1', ForbiddenAddressClass.Reserved],
    ['255.255.255.255', ForbiddenAddressClass.Reserved],
    ['fec0::1', ForbiddenAddressClass.Private],
    ['not-an-address', ForbiddenAddressClass.Reserved],
  ])('refuses %s as %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });

  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '172.32.0.1',
    '100.128.0.1',
    '169.253.255.255',
    '2606:4700:4700::1111',
    '::ffff:93.184.216.34',
    '64:ff9b::8.8.8.8',
    '2002:0808:0808::1',
  ])('accepts the public address %s', (address) => {
    expect(classifyAddress(address)).toBeNull();
  });

  it('judges an IPv4-mapped IPv6 address exactly like the IPv4 address it maps', () => {
    fc.assert(
      fc.property(fc.ipV4(), (v4) => {
        expect(classifyAddress(`::ffff:${v4}`)).toBe(classifyAddress(v4));
      }),
    );
  });

  it('refuses every address in 10.0.0.0/8 and 127.0.0.0/8', () => {
    fc.assert(
      fc.property(fc.constantFrom(10, 127), fc.nat(255), fc.nat(255), fc.nat(255), (first, b, c, d) => {
        expect(classifyAddress(`${first}.${b}.${c}.${d}`)).not.toBeNull();
      }),
    );
  });
});
