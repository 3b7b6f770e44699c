import type { TenantLookupService } from '../cache/tenant-lookup.service';
import { ResolutionMethod } from '../context/resolution-method.enum';
import type { TenantContextService } from '../context/tenant-context.service';
import type { Types } from 'mongoose';

const PAGE_SIZE = 500;

interface TenantOwnedRow {
  readonly _id: Types.ObjectId;
  readonly tenantId: Types.ObjectId;
}

/**
 * The maintenance jobs' one loop: rows of every tenant, read a page at a time (by `_id`) in the audited
 * platform scope, each handed to `work` inside its own tenant's context, so whatever `work` writes goes
 * through the tenant-scoped paths. Rows of a tenant that no longer exists are skipped. Returns how many rows
 * `work` counted (it answers true).
 */
export async function eachRowInItsTenant<R extends TenantOwnedRow>(
  context: { readonly tenantContext: TenantContextService; readonly tenants: TenantLookupService },
  reason: string,
  readPage: (afterId: Types.ObjectId | null, pageSize: number) => Promise<readonly R[]>,
  work: (row: R) => Promise<boolean>,
): Promise<number> {
  let counted = 0;
  let afterId: Types.ObjectId | null = null;
  for (;;) {
    const from: Types.ObjectId | null = afterId;
    const page: readonly R[] = await context.tenantContext.runAsPlatform(reason, () =>
      readPage(from, PAGE_SIZE),
    );
    for (const row of page) {
      const tenant = await context.tenants.findById(row.tenantId.toHexString());
      if (tenant === null) continue;
      const done = await context.tenantContext.run(
        { tenant, resolvedBy: ResolutionMethod.Job, principal: null, requestId: '' },
        () => work(row),
      );
      if (done) counted += 1;
    }
    const last: R | undefined = page.at(-1);
    if (page.length < PAGE_SIZE || last === undefined) return counted;
    afterId = last._id;
  }
}
