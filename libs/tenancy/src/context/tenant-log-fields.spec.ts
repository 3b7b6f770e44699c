import { testTenantSnapshot } from '../../test/tenant-snapshot.factory';

import { ResolutionMethod } from './resolution-method.enum';
import { TenantContextService } from './tenant-context.service';
import { tenantLogFields } from './tenant-log-fields';

describe('tenantLogFields', () => {
  const context = new TenantContextService();
  const tenant = testTenantSnapshot();

  it('names the current request and tenant, across awaits', async () => {
    await context.run(
      { tenant, resolvedBy: ResolutionMethod.Subdomain, principal: null, requestId: 'r1' },
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        expect(tenantLogFields()).toEqual({ requestId: 'r1', tenantId: tenant.id });
      },
    );
  });

  it('adds nothing outside any context', () => {
    expect(tenantLogFields()).toEqual({});
  });

  it('names only the request outside a tenant: a public request, or the platform scope', () => {
    context.run({ tenant: null, resolvedBy: null, principal: null, requestId: 'r2' }, () => {
      expect(tenantLogFields()).toEqual({ requestId: 'r2' });
      context.runAsPlatform('maintenance', () => expect(tenantLogFields()).toEqual({ requestId: 'r2' }));
    });
  });

  it('leaves out a request id the work does not have', () => {
    context.run({ tenant, resolvedBy: ResolutionMethod.Job, principal: null, requestId: '' }, () =>
      expect(tenantLogFields()).toEqual({ tenantId: tenant.id }),
    );
  });

  it('returns a new object every time, since pino merges each line into it', () => {
    context.run({ tenant, resolvedBy: ResolutionMethod.Subdomain, principal: null, requestId: 'r1' }, () => {
      const first = tenantLogFields();
      Object.assign(first, { msg: 'written' });
      expect(tenantLogFields()).toEqual({ requestId: 'r1', tenantId: tenant.id });
    });
    const empty = tenantLogFields();
    Object.assign(empty, { msg: 'written' });
    expect(tenantLogFields()).toEqual({});
  });
});
