import type { INestApplicationContext } from '@nestjs/common';
import { paymentJobId, PaymentMethod, PaymentsService, type PaymentView } from '@tenantpay/payments';
import type { TenantSnapshot } from '@tenantpay/tenancy';
import type { Queue } from 'bullmq';
import { inTenantOf } from './worker-test-tenant';

/**
 * A payment committed PENDING with no job, as when Redis refused the enqueue (or the API died right after the
 * commit): the state the stuck-payments sweep exists for.
 */
export async function paymentWhoseEnqueueFailed(
  app: INestApplicationContext,
  tenant: TenantSnapshot,
  paymentsQueue: Queue,
  reference: string,
  paymentToken = 'tok_visa',
): Promise<PaymentView> {
  const add = jest.spyOn(paymentsQueue, 'add').mockRejectedValueOnce(new Error('Connection is closed.'));
  try {
    const { body } = await inTenantOf(app, tenant, () =>
      app.get(PaymentsService).create({
        amount: 1200,
        currency: 'EUR',
        reference,
        method: PaymentMethod.Card,
        paymentToken,
      }),
    );
    expect(add).toHaveBeenCalledTimes(1);
    expect(body.status).toBe('PENDING');
    expect(await paymentsQueue.getJob(paymentJobId(body.id))).toBeUndefined();
    return body;
  } finally {
    add.mockRestore();
  }
}
