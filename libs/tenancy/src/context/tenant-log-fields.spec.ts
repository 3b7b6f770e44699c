import { testTenantSnapshot } from '../../test/tenant-snapshot.factory';

import { ResolutionMethod } from './resolution-method.enum';
import { TenantContextService } from './tenant-context.service';
import { tenantLogFields } from './tenant-log-fields';

describe('tenantLogFields', () => {
  const context = new TenantContextService();
  const tenant = testTenantSnapshot();

  it('names the current tenant, across awaits', async () => {
    await context.run(
      { tenant, resolvedBy: ResolutionMethod.Subdomain, principal: null, requestId: 'r1' },
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        expect(tenantLogFields()).toEqual({ tenantId: tenant.id });
      },
    );
  });

  it('adds nothing outside a tenant: no context, or the platform scope', () => {
    expect(tenantLogFields()).toEqual({});
    context.runAsPlatform('maintenance', () => expect(tenantLogFields()).toEqual({}));
  });

  it('returns a new object every time, since pino merges each line into it', () => {
    context.run({ tenant, resolvedBy: ResolutionMethod.Subdomain, principal: null, requestId: 'r1' }, () => {
      const first = tenantLogFields();
      Object.assign(first, { msg: 'written' });
      expect(tenantLogFields()).toEqual({ tenantId: tenant.id });
    });
    const empty = tenantLogFields();
    Object.assign(empty, { msg: 'written' });
    expect(tenantLogFields()).toEqual({});
  });
});
