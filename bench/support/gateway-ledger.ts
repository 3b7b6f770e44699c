/**
 * What the simulated gateway charged, read from its ledger in Redis: a completed payment must have its charge
 * recorded and money moved exactly once; any other payment never.
 */
import { PaymentStatus, simulatedGatewayKeys } from '@tenantpay/payments';
import type { Redis } from 'ioredis';

export interface LedgerEntry {
  readonly id: string;
  readonly status: string;
  readonly recorded: boolean;
  readonly charges: number;
}

export async function gatewayLedger(
  redis: Redis,
  payments: readonly { readonly id: string; readonly status: string }[],
): Promise<LedgerEntry[]> {
  const pipeline = redis.pipeline();
  for (const payment of payments) {
    pipeline.exists(simulatedGatewayKeys.charge(payment.id));
    pipeline.get(simulatedGatewayKeys.chargeCount(payment.id));
  }
  const replies = ((await pipeline.exec()) ?? []).map(([, value]) => Number(value ?? 0));
  return payments.map((payment, index) => ({
    ...payment,
    recorded: replies[2 * index] === 1,
    charges: replies[2 * index + 1] ?? 0,
  }));
}

/** Entries that break the rule: charged twice, a completed payment not charged, or charged without completing. */
export function wronglyCharged(ledger: readonly LedgerEntry[]): LedgerEntry[] {
  return ledger.filter(({ status, recorded, charges }) =>
    status === PaymentStatus.Completed ? !recorded || charges !== 1 : charges !== 0,
  );
}
