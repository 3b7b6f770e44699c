import { Types } from 'mongoose';
import { DomainStatus } from '../tenants/tenant-domain';
import { toTenantSnapshot } from '../tenants/tenant-snapshot';
import { Tier } from '../tiers/tier.enum';
import { decodeTenantSnapshot, encodeTenantSnapshot } from './tenant-snapshot-codec';

const snapshot = toTenantSnapshot({
  _id: new Types.ObjectId(),
  slug: 'bank1',
  name: 'Bank One',
  tier: Tier.Enterprise,
  isActive: true,
  domains: [
    {
      hostname: 'pay.bank1.com',
      status: DomainStatus.Verified,
      verificationToken: 't',
      verifiedAt: new Date(),
      createdAt: new Date(),
    },
  ],
  settings: { branding: { displayName: 'Bank One' }, paymentWorkflow: {} },
  limits: { maxUsers: 5 },
  createdAt: new Date(),
  updatedAt: new Date(),
});

describe('tenant snapshot codec', () => {
  it('round-trips a snapshot and freezes it deeply again', () => {
    const decoded = decodeTenantSnapshot(encodeTenantSnapshot(snapshot));
    expect(decoded).toEqual(snapshot);
    expect(Object.isFrozen(decoded)).toBe(true);
    expect(Object.isFrozen(decoded?.settings.branding)).toBe(true);
    expect(Object.isFrozen(decoded?.verifiedDomains)).toBe(true);
    expect(Object.isFrozen(decoded?.limits)).toBe(true);
  });

  it.each([
    ['not JSON', '{'],
    ['a sentinel', '!not-found'],
    ['null', 'null'],
    ['an array', '[]'],
    ['a partial object', JSON.stringify({ id: 'x', slug: 'y' })],
    ['a wrongly typed field', JSON.stringify({ ...snapshot, isActive: 'yes' })],
  ])('treats %s as no value', (_label, json) => {
    expect(decodeTenantSnapshot(json)).toBeNull();
  });
});
