import fc from 'fast-check';
import { RESERVED_SLUGS } from '../tenants/slug';
import { parseTenantHost } from './tenant-host';

const BASE = 'tenantpay.example.com';

describe('parseTenantHost', () => {
  it('gives a host read before the same answer, not a new one (each request reads its host twice)', () => {
    const first = parseTenantHost('bank1.tenantpay.example.com', BASE);
    expect(parseTenantHost('bank1.tenantpay.example.com', BASE)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('reads a host again under another base domain', () => {
    expect(parseTenantHost('bank1.acme.example.com', BASE)).toEqual({
      kind: 'custom-domain',
      hostname: 'bank1.acme.example.com',
    });
    expect(parseTenantHost('bank1.acme.example.com', 'acme.example.com')).toEqual({
      kind: 'subdomain',
      slug: 'bank1',
    });
  });

  it.each([
    ['bank1.tenantpay.example.com', 'bank1'],
    ['BANK1.TenantPay.Example.COM', 'bank1'],
    ['bank1.tenantpay.example.com:8443', 'bank1'],
    ['bank1.tenantpay.example.com.', 'bank1'],
    ['bank1.tenantpay.example.com.:443', 'bank1'],
    ['www.bank1.tenantpay.example.com', 'bank1'],
    ['api.bank1.tenantpay.example.com', 'bank1'],
    ['a.b.c.bank1.tenantpay.example.com', 'bank1'],
    ['  bank1.tenantpay.example.com  ', 'bank1'],
  ])('reads %s as the subdomain of %s', (host, slug) => {
    expect(parseTenantHost(host, BASE)).toEqual({ kind: 'subdomain', slug });
  });

  it.each([
    ['the bare base domain', 'tenantpay.example.com'],
    ['the bare base domain with a port', 'tenantpay.example.com:3000'],
    ['the bare base domain with a trailing dot', 'tenantpay.example.com.'],
    ['www', 'www.tenantpay.example.com'],
    ['a reserved label', 'api.tenantpay.example.com'],
    ['a reserved label behind another', 'x.admin.tenantpay.example.com'],
    ['an IPv4 address', '10.0.0.1'],
    ['an IPv4 address with a port', '127.0.0.1:3000'],
    ['an IPv6 literal', '[::1]:3000'],
    ['an empty host', ''],
    ['a missing host', undefined],
    ['garbage', 'bank_1.tenantpay.example.com'],
    ['an empty label', 'bank1..tenantpay.example.com'],
    ['a single label', 'localhost'],
    ['a single label with a port', 'intranet:8080'],
  ])('finds no tenant in %s', (_label, host) => {
    expect(parseTenantHost(host, BASE)).toEqual({ kind: 'none' });
  });

  it.each([
    ['pay.bank1.com', 'pay.bank1.com'],
    ['Pay.Bank1.com:443', 'pay.bank1.com'],
    ['pay.bank1.com.', 'pay.bank1.com'],
    // Only a whole-label suffix is the base domain: this is someone else's domain.
    ['eviltenantpay.example.com', 'eviltenantpay.example.com'],
    ['bank1.tenantpay.example.com.evil.io', 'bank1.tenantpay.example.com.evil.io'],
    ['example.com', 'example.com'],
  ])('treats %s as a custom-domain candidate', (host, hostname) => {
    expect(parseTenantHost(host, BASE)).toEqual({ kind: 'custom-domain', hostname });
  });

  const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/);

  it('takes the label closest to the base domain as the slug, whatever comes before it', () => {
    fc.assert(
      fc.property(
        fc.array(label, { maxLength: 4 }),
        label,
        fc.option(fc.integer({ min: 1, max: 65535 })),
        (prefix, slug, port) => {
          fc.pre(!RESERVED_SLUGS.has(slug));
          const host = [...prefix, slug, BASE].join('.') + (port === null ? '' : `:${port}`);
          expect(parseTenantHost(host, BASE)).toEqual({ kind: 'subdomain', slug });
          expect(parseTenantHost(host.toUpperCase(), BASE)).toEqual({ kind: 'subdomain', slug });
        },
      ),
    );
  });

  it('never reads a host outside the base domain as a subdomain', () => {
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 5 }), (labels) => {
        const host = labels.join('.');
        fc.pre(host !== BASE && !host.endsWith(`.${BASE}`));
        expect(parseTenantHost(host, BASE).kind).not.toBe('subdomain');
      }),
    );
  });

  it('only ever yields a slug that is a lowercase DNS label and not reserved', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (junk) => {
        const parsed = parseTenantHost(`${junk}.${BASE}`, BASE);
        if (parsed.kind === 'subdomain') {
          expect(parsed.slug).toMatch(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/);
          expect(RESERVED_SLUGS.has(parsed.slug)).toBe(false);
        }
        const anywhere = parseTenantHost(junk, BASE);
        if (anywhere.kind === 'custom-domain')
          expect(anywhere.hostname).toBe(anywhere.hostname.toLowerCase());
      }),
    );
  });
});
