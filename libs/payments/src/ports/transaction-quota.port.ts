import type { TenantSnapshot } from '@tenantpay/tenancy';

/**
 * The monthly transaction quota, as payments need it (implemented by the usage library, bound by the app).
 * `reserve` throws 429 `quota_exceeded` when the tenant may not create `count` (default 1) more payments this
 * period — a batch asks for all its rows at once, so a batch that cannot fit is refused before it starts;
 * `recordCreated` counts one `transactions` for the payment, once per payment id however often it is called
 * (an idempotent replay never reaches it, a retried job may).
 */
export interface TransactionQuota {
  reserve(tenant: TenantSnapshot, count?: number): Promise<void>;
  recordCreated(tenant: TenantSnapshot, paymentId: string): Promise<void>;
}

export const TRANSACTION_QUOTA = Symbol('TRANSACTION_QUOTA');
