import { testTenantSnapshot } from '../../test/tenant-snapshot.factory';
import type { JobsOptions, Queue } from 'bullmq';
import { ResolutionMethod } from '../context/resolution-method.enum';
import { TenantContextMissingException } from '../context/tenant-context-missing.exception';
import { TenantContextService } from '../context/tenant-context.service';
import { TenantJobEnqueuer } from './tenant-job-enqueuer.service';

describe('TenantJobEnqueuer.enqueue', () => {
  const context = new TenantContextService();
  const enqueuer = new TenantJobEnqueuer(context);
  const tenant = testTenantSnapshot();
  let added: [string, unknown, JobsOptions | undefined][];
  let queue: Queue;

  beforeEach(() => {
    added = [];
    queue = {
      add: jest.fn(async (name: string, data: unknown, opts?: JobsOptions) => {
        added.push([name, data, opts]);
        return { id: '1', name, data };
      }),
    } as unknown as Queue;
  });

  it("stamps the current tenant and request id into the job's data", async () => {
    await context.run(
      { tenant, resolvedBy: ResolutionMethod.ApiKey, principal: null, requestId: 'req-1' },
      () => enqueuer.enqueue(queue, 'settle', { paymentId: 'p1' }, { attempts: 5 }),
    );

    expect(added).toEqual([
      ['settle', { tenantId: tenant.id, requestId: 'req-1', payload: { paymentId: 'p1' } }, { attempts: 5 }],
    ]);
  });

  it('refuses to enqueue outside a tenant context', async () => {
    await expect(enqueuer.enqueue(queue, 'settle', {})).rejects.toThrow(TenantContextMissingException);
    expect(added).toEqual([]);
  });

  it('refuses to enqueue tenant work from the platform scope, which has no tenant', async () => {
    const enqueue = context.runAsPlatform('maintenance', () => enqueuer.enqueue(queue, 'settle', {}));

    await expect(enqueue).rejects.toThrow(TenantContextMissingException);
    expect(added).toEqual([]);
  });
});
