import { createTenantpayClient, type WebhookEvent } from '@tenantpay/sdk';
import { randomUUID } from 'node:crypto';
import type { ExampleSettings } from './example-settings';
import { WebhookReceiver } from './webhook-receiver';

const FINAL_STATUSES = new Set(['COMPLETED', 'FAILED', 'CANCELED', 'REJECTED']);
const POLL_INTERVAL_MS = 500;

export interface IntegrationOutcome {
  readonly paymentId: string;
  readonly status: string;
  readonly replayedSamePayment: boolean;
  readonly webhook: WebhookEvent;
}

/**
 * A bank's server-to-server integration with one API key, start to end: receive webhooks, register the endpoint, create a
 * payment with an idempotency key (and show that repeating the request does not pay twice), follow it to a
 * final status, and accept the webhook that reports it only once verifyWebhook says Tenantpay sent it.
 */
export async function runIntegration(
  settings: ExampleSettings,
  say: (line: string) => void,
): Promise<IntegrationOutcome> {
  const receiver = await WebhookReceiver.start(settings.webhookHost, settings.webhookPort);
  say(`webhook receiver listening on ${receiver.url}`);
  try {
    return await integrate(settings, receiver, say);
  } finally {
    await receiver.close();
  }
}

async function integrate(
  settings: ExampleSettings,
  receiver: WebhookReceiver,
  say: (line: string) => void,
): Promise<IntegrationOutcome> {
  const tenant = settings.tenant === undefined ? {} : { tenant: settings.tenant };
  // One server-to-server credential for everything: the key's webhooks:manage scope registers the receiver.
  const tenantpay = createTenantpayClient({
    baseUrl: settings.apiUrl,
    credential: { apiKey: settings.apiKey },
    ...tenant,
  });

  // The answers are typed from the OpenAPI document: `secret` is there, once, on creation.
  const endpoint = await tenantpay.POST('/v1/webhook-endpoints', {
    body: { url: receiver.url, events: ['payment.completed', 'payment.failed'] },
  });
  receiver.useSecret(endpoint.secret);
  say(`registered webhook endpoint ${endpoint.id}`);
  try {
    // The bank's own id for this order: the same key on every attempt, whoever retries.
    const idempotencyKey = `order-${randomUUID()}`;
    const create = () =>
      tenantpay.POST('/v1/payments', {
        params: { header: { 'Idempotency-Key': idempotencyKey } },
        body: { amount: 1050, currency: 'EUR', reference: idempotencyKey, method: 'card' },
      });
    const payment = await create();
    say(`created payment ${payment.id} (${payment.status}) with Idempotency-Key ${idempotencyKey}`);
    const again = await create();
    say(
      `repeated the request with the same key: ${again.id === payment.id ? 'the same payment' : 'ANOTHER PAYMENT'}`,
    );

    const deadline = Date.now() + settings.timeoutMs;
    let status: string = payment.status;
    while (!FINAL_STATUSES.has(status)) {
      if (Date.now() > deadline) throw new Error(`payment ${payment.id} still ${status} after the timeout`);
      await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
      const current = await tenantpay.GET('/v1/payments/{id}', { params: { path: { id: payment.id } } });
      status = current.status;
    }
    say(`payment ${payment.id} is ${status}`);

    const webhook = await withTimeout(
      receiver.waitFor((event) => event.data['id'] === payment.id),
      deadline - Date.now(),
      `no verified webhook for payment ${payment.id}`,
    );
    say(`verified webhook ${webhook.id}: ${webhook.type} for payment ${String(webhook.data['id'])}`);
    return { paymentId: payment.id, status, replayedSamePayment: again.id === payment.id, webhook };
  } finally {
    await tenantpay.DELETE('/v1/webhook-endpoints/{id}', { params: { path: { id: endpoint.id } } });
    say(`removed webhook endpoint ${endpoint.id}`);
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), Math.max(0, ms));
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
