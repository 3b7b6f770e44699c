/** The body of an inbound gateway webhook, once its signature is verified and its shape checked. */
export interface GatewayWebhookEvent {
  readonly id: string;
  readonly type: 'charge.succeeded' | 'charge.failed';
  readonly data: {
    readonly tenantId: string;
    readonly paymentId: string;
    readonly gatewayReference: string;
    readonly failureCode?: string;
    readonly failureMessage?: string;
  };
}

const ID = /^[0-9a-f]{24}$/;
const TEXT = (value: unknown, max = 255): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= max;

export function parseGatewayWebhookEvent(body: unknown): GatewayWebhookEvent | null {
  if (typeof body !== 'object' || body === null) return null;
  const { id, type, data } = body as Record<string, unknown>;
  if (!TEXT(id) || (type !== 'charge.succeeded' && type !== 'charge.failed')) return null;
  if (typeof data !== 'object' || data === null) return null;
  const { tenantId, paymentId, gatewayReference, failureCode, failureMessage } = data as Record<
    string,
    unknown
  >;
  if (
    typeof tenantId !== 'string' ||
    !ID.test(tenantId) ||
    typeof paymentId !== 'string' ||
    !ID.test(paymentId)
  )
    return null;
  if (!TEXT(gatewayReference)) return null;
  if (failureCode !== undefined && !TEXT(failureCode)) return null;
  if (failureMessage !== undefined && !TEXT(failureMessage, 1000)) return null;
  return {
    id,
    type,
    data: {
      tenantId,
      paymentId,
      gatewayReference,
      ...(failureCode !== undefined ? { failureCode } : {}),
      ...(failureMessage !== undefined ? { failureMessage } : {}),
    },
  };
}
