import { Injectable } from '@nestjs/common';
import { TenantContextService } from '@tenantpay/tenancy';
import { PlatformPaymentsRepository } from './platform-payments.repository';

/** Why month close reads another tenant's payments; recorded with every count in the audit trail. */
const MONTH_CLOSE_REASON = 'usage month close: transactions reconciled against payments';

/**
 * The authoritative number of payments a tenant created in a time range, for billing's month close (the
 * usage library binds it as its TransactionCounter). Runs outside any request, so it opens the audited
 * platform scope itself and names the tenant in its filter.
 */
@Injectable()
export class PaymentCountsService {
  constructor(
    private readonly context: TenantContextService,
    private readonly counts: PlatformPaymentsRepository,
  ) {}

  countCreatedBetween(tenantId: string, from: Date, to: Date): Promise<number> {
    return this.context.runAsPlatform(MONTH_CLOSE_REASON, () =>
      this.counts.countCreatedBetween(tenantId, from, to),
    );
  }
}
