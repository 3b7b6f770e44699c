import type { TenantSnapshot } from '@tenantpay/tenancy';

/**
 * The monthly transaction quota, as payments need it (implemented by the usage library, bound by the app).
 * `reserve` throws 429 `quota_exceeded` when the tenant may create no more payments this period;
 * `recordCreated` counts one `transactions` for the payment, once per payment id however often it is called
 * (an idempotent replay never reaches it, a retried job may).
 */
export interface TransactionQuota {
  reserve(tenant: TenantSnapshot): Promise<void>;
  recordCreated(tenant: TenantSnapshot, paymentId: string): Promise<void>;
}

export const TRANSACTION_QUOTA = Symbol('TRANSACTION_QUOTA');
