import type { GatewayEvent } from './gateway-event';

/** An inbound gateway event as the API shows it: what the gateway said and what applying it did, not its payload. */
export interface GatewayEventView {
  /** The gateway's own event id. */
  readonly id: string;
  readonly type: string;
  readonly receivedAt: string;
  /** When it was applied; null while it waits (a redelivery finishes it). */
  readonly processedAt: string | null;
  /** `applied`, or why it changed nothing (e.g. the payment had moved on). */
  readonly result: string | null;
}

export function toGatewayEventView(event: GatewayEvent): GatewayEventView {
  return {
    id: event.eventId,
    type: event.type,
    receivedAt: event.createdAt.toISOString(),
    processedAt: event.processedAt?.toISOString() ?? null,
    result: event.result,
  };
}
